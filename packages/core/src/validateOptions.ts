import type Talk from "talkjs";
import type { DebugEntry, RetryOptions, SessionOptions, TalkModule } from "./types";

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
  const retry = given["retry"] === false ? { attempts: 1 } : (given["retry"] as RetryOptions | undefined);
  const resolvedRetry: Required<RetryOptions> = { attempts: 3, minDelayMs: 500, maxDelayMs: 8000 };
  for (const [name, value] of Object.entries(isObject(retry) ? retry : {}) as [string, unknown][]) {
    // Checked below with the other options, as "retry.<name>".
    if (value !== undefined) resolvedRetry[name as keyof RetryOptions] = value as number;
  }
  const values: Record<string, unknown> = { ...given };
  for (const [name, value] of Object.entries(resolvedRetry)) values[`retry.${name}`] = value;
  for (const [name, [test, expected]] of Object.entries(checks)) {
    const value = values[name];
    if (value !== undefined && !test(value)) fail(`needs "${name}" to be ${expected}; got ${describe(value)}.`);
  }
  if (resolvedRetry.maxDelayMs < resolvedRetry.minDelayMs)
    fail(`needs "retry.maxDelayMs" to be at least "retry.minDelayMs".`);
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
