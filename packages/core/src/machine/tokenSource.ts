import { dev } from "./dev";
import { jwtClaims } from "./jwtClaims";
import { SessionError } from "./SessionError";
import { delay, noop, wait } from "./timers";
import type { RetryOptions, TokenFetcher } from "../classic/types";

/** Where tokens come from, read afresh on every call so the latest option always wins. */
export interface TokenInputs {
  token: string | undefined;
  tokenFetcher: TokenFetcher | undefined;
  retry: Required<RetryOptions>;
}

/** Hands out the tokens of one attempt; everything it started stops when the attempt's signal aborts. */
export interface TokenSource {
  /**
   * The token to create the session with (`refreshing` false), or the one to replace the token TalkJS has: a `token`
   * that looks fresh (when refreshing, a newer one than TalkJS has), else one from `tokenFetcher`, else the `token` as
   * is; when refreshing with only a `token`, the next one passed. `undefined` when there is no token to be had.
   */
  get(refreshing?: boolean): Promise<string> | undefined;
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

  // Hands a token out: one stale by this device's clock is still TalkJS's to judge; the trace says so.
  const handOut = (token: string) => {
    if (looksExpired(token))
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
    // The latest answer: a failed call leaves the one before (a token stale by this clock, or none).
    let token: string | undefined;
    for (let call = 1; call <= retry.attempts; call++) {
      if (call > 1) await delay(backoffDelay(retry, call - 1), signal);
      signal.throwIfAborted(); // After every wait: the attempt may have ended meanwhile.
      try {
        // The latest fetcher, even mid-retry; the signal aborts a `fetch` the attempt no longer needs.
        token = await read().tokenFetcher?.({ signal });
      } catch (cause) {
        lastFailure = cause;
        continue;
      } finally {
        signal.throwIfAborted();
      }
      if (typeof token != "string" || !token)
        throw new SessionError(
          "invalid-token",
          dev &&
            `"tokenFetcher" must resolve to a non-empty string (a TalkJS JWT); it gave ${token === "" ? "an empty string" : typeof token}.`,
        );
      // A token stale by this clock: perhaps the endpoint cached an old one. Ask again, within `retry`.
      if (!looksExpired(token)) break;
    }
    if (!token)
      throw new SessionError(
        "token-fetch-failed",
        dev &&
          `"tokenFetcher" failed ${retry.attempts} time(s) (see cause). Check your token endpoint, then call retry().`,
        { cause: lastFailure },
      );
    // The token TalkJS asked to replace, again: pass it through, but slow the loop down.
    repeats = token == handedOut ? repeats + 1 : 0;
    if (repeats) {
      await delay(backoffDelay(retry, repeats), signal);
      signal.throwIfAborted();
    }
    return handOut(token);
  };

  return {
    get(refreshing) {
      const { token, tokenFetcher } = read();
      return token && (!refreshing || token != handedOut) && (!tokenFetcher || !looksExpired(token))
        ? handOut(token)
        : tokenFetcher
          ? (inFlight ??= fetchWithRetry().finally(() => {
              inFlight = undefined;
            }))
          : refreshing
            ? // Only a `token`, and TalkJS wants a new one: wait for the app to pass one. A JWT's `exp` bounds the wait
              // while the device clock says it is still ahead; an opaque token, or a clock past `exp`, leaves it to TalkJS.
              new Promise<string>((resolve, reject) => {
                const expiry = jwtClaims(handedOut ?? "").exp ?? 0;
                // Once the attempt ends, nothing awaits this any more: it is left unsettled, its timer cleared.
                const stopWaiting =
                  expiry > Date.now()
                    ? wait(expiry - Date.now(), signal, () => {
                        if (!signal.aborted)
                          reject(
                            new SessionError(
                              "invalid-token",
                              dev &&
                                `The "token" expired and there is no "tokenFetcher" to get a new one. Pass a fresh "token", or a "tokenFetcher".`,
                            ),
                          );
                      })
                    : noop;
                waiting = (next) => {
                  waiting = undefined;
                  stopWaiting();
                  resolve(handOut(next));
                };
              })
            : undefined;
    },
    tokenChanged() {
      const { token } = read();
      if (token && token != handedOut) waiting?.(token);
    },
  };
}
