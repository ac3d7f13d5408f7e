import { dev } from "./dev";
import { jwtClaims } from "./jwtClaims";
import { SessionError } from "./SessionError";
import { delay } from "./timers";
import type { RetryOptions, TokenFetcher } from "./types";

/** Where tokens come from, read afresh on every call so the latest option always wins. */
export interface TokenInputs {
  token: string | undefined;
  tokenFetcher: TokenFetcher | undefined;
  retry: Required<RetryOptions>;
}

/** Hands out the tokens of one attempt; everything it started stops when the attempt's signal aborts. */
export interface TokenSource {
  /** The token to create the session with: a fresh-looking `token`, else one from `tokenFetcher`, else `token` as is. */
  first(): Promise<string> | undefined;
  /** TalkJS asks to replace the token it has: a newer `token`, a fetched one, or (only `token`) the next one passed. */
  refresh(): Promise<string>;
  /** The `token` option changed: a refresh waiting for a new one can have it. */
  tokenChanged(): void;
}

/**
 * Only the device clock says a JWT is past its `exp`, and device clocks are wrong: this decides when to fetch
 * early and whether to fetch again, never whether TalkJS gets the token.
 */
const looksExpired = (token: string) => (jwtClaims(token).exp ?? Infinity) <= Date.now();

/** Exponential backoff with "equal jitter": half the step is fixed, half random. */
export function backoffDelay(retry: Required<RetryOptions>, failedAttempts: number): number {
  const step = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (failedAttempts - 1));
  return step / 2 + (Math.random() * step) / 2;
}

/**
 * The token source of one attempt to build a session. Single flight (concurrent asks share one fetch), retried
 * with backoff, paced when the fetcher keeps answering the token TalkJS asked to replace (a caching endpoint would
 * otherwise make TalkJS ask again at once, in a hot loop). `note` receives token-free trace messages.
 */
export function createTokenSource(
  read: () => TokenInputs,
  signal: AbortSignal,
  note: (message: string) => void,
): TokenSource {
  let inFlight: Promise<string> | undefined;
  let handedOut: string | undefined;
  let repeats = 0;
  let waiting: ((token: string) => void) | undefined;

  // Called after every wait: the attempt may have ended meanwhile.
  const stopIfAborted = () => {
    if (signal.aborted) throw signal.reason;
  };
  // Hands a token out: skewed, it is still TalkJS's to judge; the trace says so.
  const handOut = (token: string, skewed?: unknown) => {
    if (skewed)
      note(
        dev
          ? `the token looks expired by this device's clock (clock skew?); TalkJS gets it and decides`
          : "clock skew?",
      );
    return Promise.resolve((handedOut = token));
  };

  const fetchWithRetry = async (): Promise<string> => {
    const { retry } = read();
    let lastFailure: unknown;
    let stale: string | undefined;
    for (let call = 1; call <= retry.attempts; call++) {
      if (call > 1) await delay(backoffDelay(retry, call - 1), signal);
      stopIfAborted();
      let result: unknown;
      try {
        // The latest fetcher, even mid-retry; the signal aborts a `fetch` the attempt no longer needs.
        result = await read().tokenFetcher?.({ signal });
      } catch (cause) {
        lastFailure = cause;
        continue;
      } finally {
        stopIfAborted();
      }
      if (typeof result != "string" || !result)
        throw new SessionError(
          "invalid-token",
          dev &&
            `"tokenFetcher" must resolve to a non-empty string (a TalkJS JWT); it gave ${result === "" ? "an empty string" : typeof result}.`,
        );
      if (!looksExpired(result)) return accept(result);
      stale = result; // Perhaps the endpoint cached an old token: ask again, within `retry`.
    }
    if (stale) return accept(stale, 1);
    throw new SessionError(
      "token-fetch-failed",
      dev &&
        `"tokenFetcher" failed ${retry.attempts} time(s) (see cause). Check your token endpoint, then call retry().`,
      { cause: lastFailure },
    );
  };

  // The same token again: pass it through, but slow the loop down.
  const accept = async (token: string, skewed?: unknown): Promise<string> => {
    repeats = token == handedOut ? repeats + 1 : 0;
    if (repeats) {
      await delay(backoffDelay(read().retry, repeats), signal);
      stopIfAborted();
    }
    return handOut(token, skewed);
  };

  const fetch = () =>
    (inFlight ??= fetchWithRetry().finally(() => {
      inFlight = undefined;
    }));

  return {
    first() {
      const { token, tokenFetcher } = read();
      return token && (!tokenFetcher || !looksExpired(token))
        ? handOut(token, looksExpired(token))
        : tokenFetcher && fetch();
    },
    refresh() {
      const { token, tokenFetcher } = read();
      const newer = token && token != handedOut;
      return newer && !looksExpired(token)
        ? handOut(token)
        : tokenFetcher
          ? fetch()
          : newer
            ? handOut(token, 1)
            : // Only a `token` and TalkJS wants a new one: wait for the app to pass one. A JWT's `exp` bounds the wait
              // while the device clock says it is still ahead; an opaque token, or a clock past `exp`, leaves it to TalkJS.
              new Promise<string>((resolve, reject) => {
                const expiry = jwtClaims(handedOut ?? "").exp ?? 0;
                waiting = (next) => {
                  waiting = undefined;
                  resolve(handOut(next));
                };
                // Once the attempt ends, nothing awaits this any more: it is left unsettled.
                if (expiry > Date.now())
                  void delay(expiry - Date.now(), signal).then(() => {
                    if (!signal.aborted)
                      reject(
                        new SessionError(
                          "invalid-token",
                          dev &&
                            `The "token" expired and there is no "tokenFetcher" to get a new one. Pass a fresh "token", or a "tokenFetcher".`,
                        ),
                      );
                  });
              });
    },
    tokenChanged() {
      const { token } = read();
      if (token && token != handedOut) waiting?.(token);
    },
  };
}
