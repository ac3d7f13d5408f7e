import { jwtExpiry } from "./jwtExpiry";
import { SessionError } from "./SessionError";
import { delay, timers } from "./timers";
import type { RetryOptions } from "./types";

/** Where tokens come from, read afresh on every call so the latest option always wins. */
export interface TokenInputs {
  token: string | undefined;
  tokenFetcher: (() => string | Promise<string>) | undefined;
  retry: Required<RetryOptions>;
}

/** Hands out tokens: single-flight, retried with backoff, validated, never an expired JWT. */
export interface TokenSource {
  /** A token to give TalkJS now. */
  get(): Promise<string>;
  /** The `token` option changed: a request waiting for a new one can have it. */
  tokenChanged(): void;
  /** Stops waiting and retrying; the Talk.Session this served is gone or was never built. */
  dispose(): void;
}

const isExpired = (token: string) => (jwtExpiry(token) ?? Infinity) <= timers.now();
const invalidToken = (problem: string) => new SessionError("invalid-token", problem);

/** Exponential backoff with "equal jitter": half the step is fixed, half random. */
export function backoffDelay(retry: Required<RetryOptions>, failedAttempts: number): number {
  const step = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (failedAttempts - 1));
  return step / 2 + (timers.random() * step) / 2;
}

/**
 * A token source for one Talk.Session. A given `token` goes first, once per value (TalkJS asks again
 * only when it is about to expire, so a newer `token` option is what it receives); then `tokenFetcher`.
 */
export function createTokenSource(read: () => TokenInputs): TokenSource {
  let inFlight: Promise<string> | undefined;
  let disposed = false;
  let handedOut: string | undefined;
  let waiting: { resolve: (token: string) => void; timer?: ReturnType<typeof setTimeout> } | undefined;

  const expiredWithoutFetcher = () =>
    invalidToken(
      `The "token" expired and there is no "tokenFetcher" to get a new one. Pass a fresh "token", or a "tokenFetcher".`,
    );

  async function fetchWithRetry(): Promise<string> {
    const { retry } = read();
    let lastFailure: unknown;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (attempt > 1) await delay(backoffDelay(retry, attempt - 1));
      // An abandoned attempt (user switched, released) must not keep calling the app's backend.
      if (disposed) break;
      let result: unknown;
      try {
        // The latest fetcher, even mid-retry.
        result = await read().tokenFetcher?.();
      } catch (cause) {
        lastFailure = cause;
        continue;
      }
      if (typeof result !== "string" || result === "")
        throw invalidToken(
          `"tokenFetcher" must resolve to a non-empty string (a TalkJS JWT); it gave ${result === "" ? "an empty string" : typeof result}.`,
        );
      // TalkJS asks again only to replace the token it has: that same token back would make it ask again at once.
      if (!isExpired(result) && result !== handedOut) return (handedOut = result);
      lastFailure ??= invalidToken(
        `"tokenFetcher" returned ${result === handedOut ? "the token TalkJS asked to replace" : `a JWT whose "exp" has passed`}. Check your token endpoint's expiry and caching.`,
      );
    }
    if (lastFailure instanceof SessionError) throw lastFailure;
    throw new SessionError(
      "token-fetch-failed",
      `"tokenFetcher" failed ${retry.attempts} time(s) (see cause). Check your token endpoint, then call retry().`,
      { cause: lastFailure },
    );
  }

  // Only a `token` and TalkJS wants a new one: wait for the app to pass one, until this one expires.
  const waitForNewToken = (current: string) =>
    new Promise<string>((resolve, reject) => {
      const expiry = jwtExpiry(current);
      waiting = { resolve };
      if (expiry !== undefined) {
        waiting.timer = timers.setTimeout(() => {
          waiting = undefined;
          reject(expiredWithoutFetcher());
        }, expiry - timers.now());
      }
    });

  function next(): Promise<string> {
    const { token, tokenFetcher } = read();
    const usable = token !== undefined && !isExpired(token);
    if (usable && token !== handedOut) return Promise.resolve((handedOut = token));
    if (tokenFetcher) return fetchWithRetry();
    return usable ? waitForNewToken(token) : Promise.reject(expiredWithoutFetcher());
  }

  return {
    get: () =>
      (inFlight ??= next().finally(() => {
        inFlight = undefined;
      })),
    tokenChanged() {
      const { token } = read();
      if (!waiting || token === undefined || token === handedOut || isExpired(token)) return;
      timers.clearTimeout(waiting.timer);
      waiting.resolve((handedOut = token));
      waiting = undefined;
    },
    dispose() {
      disposed = true;
      timers.clearTimeout(waiting?.timer);
      waiting = undefined;
    },
  };
}
