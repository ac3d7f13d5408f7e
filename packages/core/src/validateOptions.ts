import type Talk from "talkjs";
import type { DebugEntry, RetryOptions, SessionOptions, TalkModule, TokenFetcher } from "./types";

/** Options after validation, with defaults applied and the alias folded in. */
export interface ResolvedOptions {
  appId: string;
  userId: string | undefined;
  syncUser: Talk.User | (() => Talk.User) | undefined;
  token: string | undefined;
  tokenFetcher: TokenFetcher | undefined;
  signature: string | undefined;
  desktopNotificationsEnabled: boolean | undefined;
  retry: Required<RetryOptions>;
  loadTimeoutMs: number;
  keepAliveMs: number | undefined;
  talk: TalkModule | (() => Promise<TalkModule>) | undefined;
  debug: boolean | ((entry: DebugEntry) => void) | undefined;
}

type Check = [test: (value: unknown) => boolean, expected: string];

const isText = (value: unknown) => typeof value === "string" && value.trim() !== "";
const isFunction = (value: unknown) => typeof value === "function";
const isObject = (value: unknown) => typeof value === "object" && value !== null;
const isBoolean = (value: unknown) => typeof value === "boolean";
const isDuration = (value: unknown) => typeof value === "number" && value >= 0 && value < Infinity;
const durationCheck: Check = [isDuration, "a number of milliseconds, 0 or more"];
const booleanCheck: Check = [isBoolean, "a boolean"];

// What each option must be; checked only when the option is given.
const checks: Record<string, Check> = {
  userId: [isText, "a non-empty string, the id of the current user"],
  syncUser: [(value) => isFunction(value) || isObject(value), "a Talk.User or a function returning one"],
  token: [isText, "a non-empty string; leave it out until you have one"],
  tokenFetcher: [isFunction, "a function returning a token (or a promise of one)"],
  signature: [isText, "a non-empty string"],
  desktopNotificationsEnabled: booleanCheck,
  desktopNotificationEnabled: booleanCheck,
  retry: [(value) => value === false || isObject(value), "false or { attempts, minDelayMs, maxDelayMs }"],
  loadTimeoutMs: durationCheck,
  keepAliveMs: durationCheck,
  talk: [(value) => isFunction(value) || isObject(value), "the talkjs module or a function that loads it"],
  debug: [(value) => isBoolean(value) || isFunction(value), "a boolean or a function receiving each trace entry"],
  "retry.attempts": [
    (value) => Number.isInteger(value) && (value as number) >= 1,
    "a whole number of calls, at least 1",
  ],
  "retry.minDelayMs": durationCheck,
  "retry.maxDelayMs": durationCheck,
};

const retryKeys = ["attempts", "minDelayMs", "maxDelayMs"];

// Never echo a value back: a mistyped option could be a token.
function describe(value: unknown): string {
  return value === "" ? "an empty string" : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
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
  const fail = (problem: string) => {
    throw new TypeError(`${owner} ${problem}`);
  };
  const given = (isObject(options) ? options : {}) as Record<string, unknown>;
  if (!isText(given["appId"]))
    fail(`needs "appId", your TalkJS app id from the dashboard's Settings page; got ${describe(given["appId"])}.`);
  if ((given["userId"] === undefined) === (given["syncUser"] === undefined)) {
    fail(`needs exactly one of "userId" or "syncUser"; got ${given["userId"] === undefined ? "neither" : "both"}.`);
  }
  const retry = (given["retry"] === false ? { attempts: 1 } : isObject(given["retry"]) ? given["retry"] : {}) as Record<
    string,
    unknown
  >;
  const unknownRetryKey = Object.keys(retry).find((key) => !retryKeys.includes(key));
  if (unknownRetryKey !== undefined)
    fail(
      `got "retry.${unknownRetryKey}", which is not a retry setting; use ${retryKeys.map((key) => `"${key}"`).join(", ")}.`,
    );
  const values: Record<string, unknown> = { ...given };
  for (const key of retryKeys) values[`retry.${key}`] = retry[key];
  for (const [name, [test, expected]] of Object.entries(checks)) {
    const value = values[name];
    if (value !== undefined && !test(value)) fail(`needs "${name}" to be ${expected}; got ${describe(value)}.`);
  }
  const { attempts = 3, minDelayMs, maxDelayMs } = retry as RetryOptions;
  if (minDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < minDelayMs)
    fail(`needs "retry.maxDelayMs" to be at least "retry.minDelayMs".`);
  // A missing bound adapts to the given one: { maxDelayMs: 100 } alone means delays of up to 100 ms.
  const resolvedRetry: Required<RetryOptions> = {
    attempts,
    minDelayMs: minDelayMs ?? Math.min(500, maxDelayMs ?? 500),
    maxDelayMs: maxDelayMs ?? Math.max(8000, minDelayMs ?? 0),
  };
  const { desktopNotificationsEnabled, desktopNotificationEnabled } = options;
  if (
    desktopNotificationsEnabled !== undefined &&
    desktopNotificationEnabled !== undefined &&
    desktopNotificationsEnabled !== desktopNotificationEnabled
  ) {
    fail(
      `got "desktopNotificationsEnabled" and its alias "desktopNotificationEnabled" with different values; pass only "desktopNotificationsEnabled".`,
    );
  }
  return {
    ...(options as Omit<ResolvedOptions, "retry" | "loadTimeoutMs">),
    desktopNotificationsEnabled: desktopNotificationsEnabled ?? desktopNotificationEnabled,
    retry: resolvedRetry,
    loadTimeoutMs: options.loadTimeoutMs ?? 15_000,
  };
}
