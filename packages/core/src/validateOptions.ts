import type { DebugEntry, RetryOptions, SessionOptions, TalkModule } from "./types";
import type Talk from "talkjs";

/** Options after validation, with defaults applied and the alias folded in. */
export interface ResolvedOptions {
  appId: string;
  userId: string | undefined;
  syncUser: Talk.User | (() => Talk.User) | undefined;
  token: string | undefined;
  tokenFetcher: (() => string | Promise<string>) | undefined;
  signature: string | undefined;
  desktopNotificationsEnabled: boolean | undefined;
  retry: Required<RetryOptions>;
  loadTimeoutMs: number;
  keepAliveMs: number | undefined;
  talk: TalkModule | (() => Promise<TalkModule>) | undefined;
  debug: boolean | ((entry: DebugEntry) => void) | undefined;
}

export const defaultRetry: Required<RetryOptions> = { attempts: 3, minDelayMs: 500, maxDelayMs: 8000 };
export const defaultLoadTimeoutMs = 15_000;

// Never echo strings back: a mistyped option could be a token.
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  return typeof value === "object" ? "an object" : typeof value === "undefined" ? "undefined" : `a ${typeof value}`;
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * Checks session options and returns them with defaults applied.
 * `owner` names what received them in error messages, e.g. `<Session>` or `createTalkSession()`.
 *
 * @example
 * validateSessionOptions({ appId: "t8Ab", userId: "pete" }, "<Session>");
 * @throws TypeError naming the option and the fix.
 */
export function validateSessionOptions(options: SessionOptions, owner = "createTalkSession()"): ResolvedOptions {
  const fail = (message: string): never => {
    throw new TypeError(`${owner} ${message}`);
  };
  if (typeof options !== "object" || options === null) {
    return fail(`needs an options object with "appId" and one of "userId" or "syncUser"; got ${describe(options)}.`);
  }
  const { appId, userId, syncUser, token, tokenFetcher, signature, retry, loadTimeoutMs, keepAliveMs, talk, debug } =
    options as Partial<Record<keyof SessionOptions, unknown>>;

  if (typeof appId !== "string" || appId.trim() === "") {
    fail(`needs "appId", your TalkJS app id from the dashboard's Settings page; got ${describe(appId)}.`);
  }
  const hasUserId = userId !== undefined;
  const hasSyncUser = syncUser !== undefined;
  if (hasUserId === hasSyncUser) {
    fail(`needs exactly one of "userId" or "syncUser"; got ${hasUserId ? "both" : "neither"}.`);
  }
  if (hasUserId && (typeof userId !== "string" || userId === "")) {
    fail(`needs "userId" to be a non-empty string, the id of the current user; got ${describe(userId)}.`);
  }
  if (hasSyncUser && typeof syncUser !== "function" && (typeof syncUser !== "object" || syncUser === null)) {
    fail(`needs "syncUser" to be a Talk.User or a function returning one; got ${describe(syncUser)}.`);
  }
  if (token !== undefined && (typeof token !== "string" || token === "")) {
    fail(`needs "token" to be a non-empty string; leave it out until you have one; got ${describe(token)}.`);
  }
  if (tokenFetcher !== undefined && typeof tokenFetcher !== "function") {
    fail(`needs "tokenFetcher" to be a function returning a token (or a promise of one); got ${describe(tokenFetcher)}.`);
  }
  if (signature !== undefined && (typeof signature !== "string" || signature === "")) {
    fail(`needs "signature" to be a non-empty string; got ${describe(signature)}.`);
  }
  const { desktopNotificationsEnabled, desktopNotificationEnabled } = options;
  for (const [name, value] of [
    ["desktopNotificationsEnabled", desktopNotificationsEnabled],
    ["desktopNotificationEnabled", desktopNotificationEnabled],
  ] as const) {
    if (value !== undefined && typeof value !== "boolean") fail(`needs "${name}" to be a boolean; got ${describe(value)}.`);
  }
  if (
    desktopNotificationsEnabled !== undefined &&
    desktopNotificationEnabled !== undefined &&
    desktopNotificationsEnabled !== desktopNotificationEnabled
  ) {
    fail(`got "desktopNotificationsEnabled" and its alias "desktopNotificationEnabled" with different values; pass only "desktopNotificationsEnabled".`);
  }

  let resolvedRetry = defaultRetry;
  if (retry === false) {
    resolvedRetry = { ...defaultRetry, attempts: 1 };
  } else if (retry !== undefined) {
    if (typeof retry !== "object" || retry === null) fail(`needs "retry" to be false or { attempts, minDelayMs, maxDelayMs }; got ${describe(retry)}.`);
    resolvedRetry = { ...defaultRetry, ...(retry as RetryOptions) };
    const { attempts, minDelayMs, maxDelayMs } = resolvedRetry;
    if (!Number.isInteger(attempts) || attempts < 1) fail(`needs "retry.attempts" to be a whole number of at least 1 (calls in all, the first included).`);
    if (!isNonNegativeNumber(minDelayMs)) fail(`needs "retry.minDelayMs" to be a number of milliseconds, 0 or more.`);
    if (!isNonNegativeNumber(maxDelayMs) || maxDelayMs < minDelayMs) fail(`needs "retry.maxDelayMs" to be a number of milliseconds, at least "retry.minDelayMs".`);
  }
  if (loadTimeoutMs !== undefined && !isNonNegativeNumber(loadTimeoutMs)) {
    fail(`needs "loadTimeoutMs" to be a number of milliseconds, 0 or more; got ${describe(loadTimeoutMs)}.`);
  }
  if (keepAliveMs !== undefined && !isNonNegativeNumber(keepAliveMs)) {
    fail(`needs "keepAliveMs" to be a number of milliseconds, 0 or more; got ${describe(keepAliveMs)}.`);
  }
  if (talk !== undefined && typeof talk !== "function" && (typeof talk !== "object" || talk === null)) {
    fail(`needs "talk" to be the talkjs module or a function that loads it; got ${describe(talk)}.`);
  }
  if (debug !== undefined && typeof debug !== "boolean" && typeof debug !== "function") {
    fail(`needs "debug" to be a boolean or a function receiving each trace entry; got ${describe(debug)}.`);
  }

  return {
    appId: appId as string,
    userId: userId as string | undefined,
    syncUser: syncUser as ResolvedOptions["syncUser"],
    token: token as string | undefined,
    tokenFetcher: tokenFetcher as ResolvedOptions["tokenFetcher"],
    signature: signature as string | undefined,
    desktopNotificationsEnabled: desktopNotificationsEnabled ?? desktopNotificationEnabled,
    retry: resolvedRetry,
    loadTimeoutMs: (loadTimeoutMs as number | undefined) ?? defaultLoadTimeoutMs,
    keepAliveMs: keepAliveMs as number | undefined,
    talk: talk as ResolvedOptions["talk"],
    debug: debug as ResolvedOptions["debug"],
  };
}
