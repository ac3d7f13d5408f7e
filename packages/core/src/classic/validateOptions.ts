import { dev } from "../machine/dev";
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
 * What a value is, as one letter: `s` a non-empty string, `f` a function, `o` an object, `b` true, `B` false, `n` a
 * number of milliseconds (0 or more, finite), `i` a whole number from 1 (also milliseconds); `-` anything else.
 */
const kindOf = (value: unknown) =>
  (typeof value == "string"
    ? value.trim() && "s"
    : typeof value == "number"
      ? value >= 0 && value < Infinity && (Number.isInteger(value) && value > 0 ? "i" : "n")
      : typeof value == "object"
        ? value && "o"
        : typeof value == "function"
          ? "f"
          : typeof value == "boolean" && (value ? "b" : "B")) || "-";

// Development builds check every option given: the kinds it may be, and what it should be in words. Production builds
// check only what no app can do without (`appId`, exactly one user), as React drops propTypes in production: a wrong
// type there reaches TalkJS, whose refusal is the `error` state.
const checks: Record<string, [kinds: string, expected?: string]> | undefined = dev
  ? {
      userId: ["s", "a non-empty string, the id of the current user"],
      syncUser: ["fo", "a Talk.User or a function returning one"],
      token: ["s", "a non-empty string; leave it out until you have one"],
      tokenFetcher: ["f", "a function returning a token (or a promise of one)"],
      signature: ["s", "a non-empty string"],
      desktopNotificationsEnabled: ["bB", "a boolean"],
      desktopNotificationEnabled: ["bB", "a boolean"],
      retry: ["oB", "false or { attempts, minDelayMs, maxDelayMs }"],
      loadTimeoutMs: ["ni"],
      keepAliveMs: ["ni"],
      talk: ["fo", "the talkjs module or a function that loads it"],
      debug: ["bBf", "a boolean or a function receiving each trace entry"],
      "retry.attempts": ["i", "a whole number of calls, at least 1"],
      "retry.minDelayMs": ["ni"],
      "retry.maxDelayMs": ["ni"],
    }
  : undefined;

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
  const given = options as unknown as Record<string, unknown>;
  const { appId, userId, retry: givenRetry } = given;
  if (!(typeof appId == "string" && appId.trim()))
    fail(
      "appId",
      dev && `needs "appId", your TalkJS app id from the dashboard's Settings page; got ${describe(appId)}.`,
    );
  if ((userId === undefined) == (given.syncUser === undefined))
    fail(
      "userId",
      dev && `needs exactly one of "userId" or "syncUser"; got ${userId === undefined ? "neither" : "both"}.`,
    );
  const retry: RetryOptions = givenRetry === false ? { attempts: 1 } : { ...(givenRetry as RetryOptions) };
  const { attempts = 3, minDelayMs, maxDelayMs } = retry;
  const { desktopNotificationsEnabled = options.desktopNotificationEnabled } = options;
  if (dev) {
    const check = (name: string, value: unknown) => {
      const [kinds, expected = "a number of milliseconds, 0 or more"] = checks?.[name] ?? [];
      if (value !== undefined && !kinds?.includes(kindOf(value)))
        fail(
          name,
          kinds
            ? `needs "${name}" to be ${expected}; got ${describe(value)}.`
            : `got "${name}", which is not a retry setting; use "attempts", "minDelayMs", "maxDelayMs".`,
        );
    };
    for (const name in checks) check(name, given[name]);
    for (const key in retry) check(`retry.${key}`, retry[key as keyof RetryOptions]);
    if ((maxDelayMs ?? Infinity) < (minDelayMs ?? 0))
      fail("retry.maxDelayMs", `needs "retry.maxDelayMs" to be at least "retry.minDelayMs".`);
    if (
      options.desktopNotificationEnabled !== undefined &&
      desktopNotificationsEnabled !== options.desktopNotificationEnabled
    )
      fail(
        "desktopNotificationEnabled",
        `got "desktopNotificationsEnabled" and its alias "desktopNotificationEnabled" with different values; pass only "desktopNotificationsEnabled".`,
      );
  }
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
