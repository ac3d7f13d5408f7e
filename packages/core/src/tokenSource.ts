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
  /** Stops waiting; the Talk.Session this served is gone. */
  dispose(): void;
}

function isExpired(token: string): boolean {
  const expiry = jwtExpiry(token);
  return expiry !== undefined && expiry <= timers.now();
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random. */
export function backoffDelay(retry: Required<RetryOptions>, failedAttempts: number): number {
  const step = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (failedAttempts - 1));
  return step / 2 + timers.random() * (step / 2);
}

/**
 * A token source for one Talk.Session. `token` is preferred while it is usable (TalkJS asks only when
 * it is about to expire, so a newer `token` option is what it receives); otherwise `tokenFetcher` is called.
 */
export function createTokenSource(read: () => TokenInputs): TokenSource {
  let inFlight: Promise<string> | undefined;
  let handedOut: string | undefined;
  let waiting: { resolve: (token: string) => void; timer: ReturnType<typeof setTimeout> | undefined } | undefined;

  const expiredWithoutFetcher = () =>
    new SessionError(
      "invalid-token",
      `The "token" has expired and there is no "tokenFetcher" to get a new one. Pass a fresh "token", or a "tokenFetcher" for refreshable tokens.`,
    );

  // Only a `token` and TalkJS wants a new one: wait for the app to pass one, until this one expires.
  function waitForNewToken(current: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const expiry = jwtExpiry(current);
      const timer =
        expiry === undefined
          ? undefined
          : timers.setTimeout(() => {
              waiting = undefined;
              reject(expiredWithoutFetcher());
            }, expiry - timers.now());
      waiting = { resolve, timer };
    });
  }

  async function fetchWithRetry(fetcher: () => string | Promise<string>): Promise<string> {
    const { retry } = read();
    let lastFailure: unknown;
    let sawExpired = false;
    for (let attempt = 1; attempt <= retry.attempts; attempt++) {
      if (attempt > 1) await delay(backoffDelay(retry, attempt - 1));
      let result: unknown;
      try {
        // The latest fetcher, even mid-retry.
        result = await (read().tokenFetcher ?? fetcher)();
      } catch (cause) {
        lastFailure = cause;
        continue;
      }
      if (typeof result !== "string" || result === "") {
        throw new SessionError(
          "invalid-token",
          `"tokenFetcher" must resolve to a non-empty string (a TalkJS JWT); it returned ${typeof result === "string" ? "an empty string" : typeof result}.`,
        );
      }
      if (!isExpired(result)) return result;
      sawExpired = true;
    }
    if (sawExpired && lastFailure === undefined) {
      throw new SessionError("invalid-token", `"tokenFetcher" kept returning a JWT whose "exp" has passed. Check your token endpoint's clock and expiry.`);
    }
    throw new SessionError(
      "token-fetch-failed",
      `"tokenFetcher" failed ${retry.attempts} time${retry.attempts === 1 ? "" : "s"}; the last error is the cause. Check your token endpoint, then call retry().`,
      { cause: lastFailure },
    );
  }

  function next(): Promise<string> {
    const { token, tokenFetcher } = read();
    // A given token goes first, once per value; after that TalkJS asking again means it needs a fresh one.
    if (token !== undefined && token !== handedOut && !isExpired(token)) {
      handedOut = token;
      return Promise.resolve(token);
    }
    if (tokenFetcher) return fetchWithRetry(tokenFetcher);
    if (token !== undefined && !isExpired(token)) return waitForNewToken(token);
    return Promise.reject(expiredWithoutFetcher());
  }

  return {
    get() {
      inFlight ??= next().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    tokenChanged() {
      const { token } = read();
      if (!waiting || token === undefined || token === handedOut || isExpired(token)) return;
      const { resolve, timer } = waiting;
      waiting = undefined;
      timers.clearTimeout(timer);
      handedOut = token;
      resolve(token);
    },
    dispose() {
      timers.clearTimeout(waiting?.timer);
      waiting = undefined;
    },
  };
}
