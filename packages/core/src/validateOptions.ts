import { dev } from "./dev";
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

const isText = (value: unknown) => typeof value === "string" && value.trim() !== "";
const isFunction = (value: unknown) => typeof value === "function";
const isObject = (value: unknown) => typeof value === "object" && value !== null;
const isBoolean = (value: unknown) => typeof value === "boolean";
const isDuration = (value: unknown) => typeof value === "number" && value >= 0 && value < Infinity;
const isFunctionOrObject = (value: unknown) => isFunction(value) || isObject(value);

// What each option must be; checked only when the option is given.
const checks: Record<string, (value: unknown) => boolean> = {
  userId: isText,
  syncUser: isFunctionOrObject,
  token: isText,
  tokenFetcher: isFunction,
  signature: isText,
  desktopNotificationsEnabled: isBoolean,
  desktopNotificationEnabled: isBoolean,
  retry: (value) => value === false || isObject(value),
  loadTimeoutMs: isDuration,
  keepAliveMs: isDuration,
  talk: isFunctionOrObject,
  debug: (value) => isBoolean(value) || isFunction(value),
  "retry.attempts": (value) => Number.isInteger(value) && (value as number) >= 1,
  "retry.minDelayMs": isDuration,
  "retry.maxDelayMs": isDuration,
};

// In development, what each option should be; production builds keep only the option's name.
const expected: Record<string, string> | undefined = dev
  ? {
      userId: "a non-empty string, the id of the current user",
      syncUser: "a Talk.User or a function returning one",
      token: "a non-empty string; leave it out until you have one",
      tokenFetcher: "a function returning a token (or a promise of one)",
      signature: "a non-empty string",
      retry: "false or { attempts, minDelayMs, maxDelayMs }",
      talk: "the talkjs module or a function that loads it",
      debug: "a boolean or a function receiving each trace entry",
      "retry.attempts": "a whole number of calls, at least 1",
    }
  : undefined;

const retryKeys = ["attempts", "minDelayMs", "maxDelayMs"];

// Never echo a value back: a mistyped option could be a token.
const describe = (value: unknown): string =>
  value === "" ? "an empty string" : value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;

/**
 * Checks session options and returns them with defaults applied.
 * `owner` names what received them in error messages, e.g. `<Session>` or `createTalkSession()`.
 *
 * @example
 * validateSessionOptions({ appId: "t8Ab", userId: "pete" }, "<Session>");
 * @throws TypeError naming the option and the fix (in production builds: the option).
 */
export function validateSessionOptions(options: SessionOptions, owner = "createTalkSession()"): ResolvedOptions {
  // `name` is what production builds keep; `problem` explains it in development.
  const fail = (name: string, problem: string | false) => {
    throw new TypeError(`${owner} ${dev ? problem : `"${name}"`}`);
  };
  const given = (isObject(options) ? options : {}) as Record<string, unknown>;
  if (!isText(given["appId"]))
    fail(
      "appId",
      dev && `needs "appId", your TalkJS app id from the dashboard's Settings page; got ${describe(given["appId"])}.`,
    );
  if ((given["userId"] === undefined) === (given["syncUser"] === undefined))
    fail(
      "userId",
      dev && `needs exactly one of "userId" or "syncUser"; got ${given["userId"] === undefined ? "neither" : "both"}.`,
    );
  const retry = (given["retry"] === false ? { attempts: 1 } : isObject(given["retry"]) ? given["retry"] : {}) as Record<
    string,
    unknown
  >;
  const unknownRetryKey = Object.keys(retry).find((key) => !retryKeys.includes(key));
  if (unknownRetryKey !== undefined)
    fail(
      `retry.${unknownRetryKey}`,
      dev &&
        `got "retry.${unknownRetryKey}", which is not a retry setting; use ${retryKeys.map((key) => `"${key}"`).join(", ")}.`,
    );
  const values: Record<string, unknown> = { ...given };
  for (const key of retryKeys) values[`retry.${key}`] = retry[key];
  for (const [name, test] of Object.entries(checks)) {
    const value = values[name];
    if (value !== undefined && !test(value))
      fail(
        name,
        dev &&
          `needs "${name}" to be ${expected?.[name] ?? (test === isBoolean ? "a boolean" : "a number of milliseconds, 0 or more")}; got ${describe(value)}.`,
      );
  }
  const { attempts = 3, minDelayMs, maxDelayMs } = retry as RetryOptions;
  if (minDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < minDelayMs)
    fail("retry.maxDelayMs", dev && `needs "retry.maxDelayMs" to be at least "retry.minDelayMs".`);
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
  )
    fail(
      "desktopNotificationEnabled",
      dev &&
        `got "desktopNotificationsEnabled" and its alias "desktopNotificationEnabled" with different values; pass only "desktopNotificationsEnabled".`,
    );
  return {
    ...(options as Omit<ResolvedOptions, "retry" | "loadTimeoutMs">),
    desktopNotificationsEnabled: desktopNotificationsEnabled ?? desktopNotificationEnabled,
    retry: resolvedRetry,
    loadTimeoutMs: options.loadTimeoutMs ?? 15_000,
  };
}
