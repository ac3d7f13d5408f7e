import { callDemoServer, DemoApiError } from "./api";
import { checkLogin } from "./loginSync";

/**
 * One token the demo server signed, for showing refreshes as they happen (never the token itself).
 * @example
 * onTokenFetched(({ count, fetchedAt }) => console.log(`token #${count} at ${fetchedAt.toLocaleTimeString()}`));
 */
export interface TokenFetch {
  readonly userId: string;
  /** How many tokens this page fetched so far, this one included. */
  readonly count: number;
  readonly fetchedAt: Date;
  readonly expiresInSeconds: number;
}

type TokenListener = (fetch: TokenFetch) => void;

const listeners = new Set<TokenListener>();
let count = 0;

/**
 * The `tokenFetcher` for a user: POSTs to `/api/talk-token`, which signs only for the logged-in user (the cookie)
 * and answers 403 if `userId` is somebody else, so a late refresh after a user switch can never mix users up.
 * @throws DemoApiError (rejects) with status 401 when logged out, 403 for another user.
 * @example
 * createTalkSession({ appId, userId: user.id, tokenFetcher: tokenFetcherFor(user.id) });
 */
export function tokenFetcherFor(userId: string): () => Promise<string> {
  return async () => {
    const { token, expiresInSeconds } = await callDemoServer<{ token: string; expiresInSeconds: number }>(
      "/api/talk-token",
      { userId },
    ).catch((error: unknown) => {
      // Refused for this user: the login changed outside this tab; onLoginElsewhere listeners hear who it is now.
      if (error instanceof DemoApiError && (error.status === 401 || error.status === 403)) void checkLogin("refused");
      throw error;
    });
    count += 1;
    const fetched: TokenFetch = { userId, count, fetchedAt: new Date(), expiresInSeconds };
    for (const listener of [...listeners]) listener(fetched);
    return token;
  };
}

/**
 * Calls `listener` after each token fetch; returns the unsubscribe function.
 * @example
 * const off = onTokenFetched((fetch) => render(fetch));
 */
export function onTokenFetched(listener: TokenListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
