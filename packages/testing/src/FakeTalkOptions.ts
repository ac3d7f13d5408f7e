/**
 * How a fake behaves; every option is optional and the defaults make a fake that loads and accepts anyone.
 * `secret` turns on HS256 JWT checks, `appIds` restricts app ids, `ready` and `readyDelayMs` shape the SDK load.
 * @example
 * const talk = createFakeTalk({ secret: "s3cret", appIds: ["test-app"], ready: "manual" });
 */
export interface FakeTalkOptions {
  /** When set, tokens must be HS256 JWTs signed with it: `tokenType: "user"`, `iss` = appId, `sub` = user id, future `exp`. */
  secret?: string;
  /** When set, only these app ids are valid; sessions of other apps are constructed but never authenticated. */
  appIds?: string[];
  /** How `ready` settles: "resolve" (default), "manual" (`resolveReady()`/`rejectReady()`), "never", or "reject". */
  ready?: "resolve" | "manual" | "never" | "reject";
  /** Delay in ms before "resolve"/"reject" settles, counted from the first read of `ready`. Default 0 (next macrotask). */
  readyDelayMs?: number;
  /** How long before a token's `exp` the session calls its `tokenFetcher`. Default 10 000 ms. */
  refreshBeforeExpiryMs?: number;
  /** The browser's notification permission as the session sees it. Default "granted". */
  notificationPermission?: "granted" | "denied" | "unsupported";
}
