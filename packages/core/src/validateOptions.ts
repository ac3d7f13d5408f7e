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

/**
 * What a value is, as one letter: `s` a non-empty string, `f` a function, `o` an object, `b` a boolean, `n` a number
 * of milliseconds (0 or more, finite), `i` a whole number from 1 (also milliseconds); `-` anything else.
 */
const kindOf = (value: unknown) =>
  typeof value == "string"
    ? value.trim() && "s"
    : typeof value == "number"
      ? value >= 0 && value < Infinity && (Number.isInteger(value) && value > 0 ? "i" : "n")
      : typeof value == "object"
        ? value && "o"
        : typeof value == "function"
          ? "f"
          : typeof value == "boolean" && "b";

// The kinds each option may be; checked only when the option is given. `appId` is required.
const kinds: Record<string, string> = {
  appId: "s",
  userId: "s",
  syncUser: "fo",
  token: "s",
  tokenFetcher: "f",
  signature: "s",
  desktopNotificationsEnabled: "b",
  desktopNotificationEnabled: "b",
  retry: "o",
  loadTimeoutMs: "ni",
  keepAliveMs: "ni",
  talk: "fo",
  debug: "bf",
  "retry.attempts": "i",
  "retry.minDelayMs": "ni",
  "retry.maxDelayMs": "ni",
};

// In development, what each option should be; production builds keep only the option's name.
const expected: Record<string, string> | undefined = dev
  ? {
      userId: "a non-empty string, the id of the current user",
      syncUser: "a Talk.User or a function returning one",
      token: "a non-empty string; leave it out until you have one",
      tokenFetcher: "a function returning a token (or a promise of one)",
      signature: "a non-empty string",
      desktopNotificationsEnabled: "a boolean",
      desktopNotificationEnabled: "a boolean",
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
    throw new TypeError(`${owner} ${problem || `"${name}"`}`);
  };
  const given: Record<string, unknown> = { ...options };
  if (given.retry === false) given.retry = { attempts: 1 };
  const retry = (kindOf(given.retry) == "o" ? { ...(given.retry as RetryOptions) } : {}) as Record<string, unknown>;
  for (const key in retry) {
    if (!retryKeys.includes(key))
      fail(
        `retry.${key}`,
        dev && `got "retry.${key}", which is not a retry setting; use ${retryKeys.map((k) => `"${k}"`).join(", ")}.`,
      );
    given[`retry.${key}`] = retry[key];
  }
  for (const name in kinds) {
    const value = given[name];
    if ((value !== undefined || name == "appId") && !kinds[name]!.includes(kindOf(value) || "-"))
      fail(
        name,
        dev &&
          `needs "${name}"${name == "appId" ? ", your TalkJS app id from the dashboard's Settings page" : ` to be ${expected?.[name] ?? "a number of milliseconds, 0 or more"}`}; got ${describe(value)}.`,
      );
    if (name == "appId" && (given.userId === undefined) == (given.syncUser === undefined))
      fail(
        "userId",
        dev && `needs exactly one of "userId" or "syncUser"; got ${given.userId === undefined ? "neither" : "both"}.`,
      );
  }
  const { attempts = 3, minDelayMs, maxDelayMs } = retry as RetryOptions;
  if (maxDelayMs! < minDelayMs!)
    fail("retry.maxDelayMs", dev && `needs "retry.maxDelayMs" to be at least "retry.minDelayMs".`);
  const { desktopNotificationsEnabled = options.desktopNotificationEnabled, desktopNotificationEnabled } = options;
  if (desktopNotificationEnabled !== undefined && desktopNotificationsEnabled !== desktopNotificationEnabled)
    fail(
      "desktopNotificationEnabled",
      dev &&
        `got "desktopNotificationsEnabled" and its alias "desktopNotificationEnabled" with different values; pass only "desktopNotificationsEnabled".`,
    );
  return {
    ...(options as Omit<ResolvedOptions, "retry" | "loadTimeoutMs">),
    desktopNotificationsEnabled,
    // A missing bound adapts to the given one: { maxDelayMs: 100 } alone means delays of up to 100 ms.
    retry: {
      attempts,
      minDelayMs: minDelayMs ?? Math.min(500, maxDelayMs ?? 500),
      maxDelayMs: maxDelayMs ?? Math.max(8000, minDelayMs ?? 0),
    },
    loadTimeoutMs: options.loadTimeoutMs ?? 15_000,
  };
}
