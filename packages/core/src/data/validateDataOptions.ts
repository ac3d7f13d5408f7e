import type { RetryOptions } from "../classic/types";
import { dev } from "../machine/dev";
import type { MachineOptions } from "../machine/createSessionMachine";
import type { CoreModule, DataSessionOptions } from "./types";

/** Data session options after validation, with the retry defaults of the classic controller. */
export interface ResolvedDataOptions extends MachineOptions {
  appId: string;
  userId: string;
  syncUser: DataSessionOptions["syncUser"];
  core: CoreModule | (() => Promise<CoreModule>) | undefined;
}

// What each option may be (its typeof), and what it should be in words. Development builds check every option given;
// production builds only that `appId` and `userId` are non-empty strings, as React drops propTypes in production.
const expected: Record<string, [types: string, words: string]> | undefined = dev
  ? {
      appId: ["string", "a non-empty string, your TalkJS app id"],
      userId: ["string", "a non-empty string, the id of the current user"],
      syncUser: ["object", "the user's data for TalkJS's currentUser.set() ({ name, ... })"],
      token: ["string", "a non-empty string; leave it out until you have one"],
      tokenFetcher: ["function", "a function returning a token (or a promise of one)"],
      retry: ["object boolean", "false or { attempts, minDelayMs, maxDelayMs }"],
      keepAliveMs: ["number", "a number of milliseconds, 0 or more"],
      debug: ["boolean function", "a boolean or a function receiving each trace entry"],
      core: ["object function", "the @talkjs/core module or a function that loads it"],
    }
  : undefined;

/**
 * Checks `createDataSession` options and applies defaults.
 *
 * @throws TypeError naming the option: a missing or empty `appId`/`userId`, and in development builds an unknown
 * option or one of the wrong type.
 */
export function validateDataOptions(options: DataSessionOptions, owner = "createDataSession()"): ResolvedDataOptions {
  const given = options as unknown as Record<string, unknown>;
  for (const name of expected ? Object.keys({ appId: 1, userId: 1, ...given }) : ["appId", "userId"]) {
    const value = given[name];
    const [types, words] = expected?.[name] ?? [];
    if (
      dev
        ? value === undefined
          ? name == "appId" || name == "userId"
          : (typeof value == "string" && !value.trim()) ||
            value === null ||
            !types?.includes(typeof value) ||
            (name == "retry" && value === true)
        : !(typeof value == "string" && value.trim())
    )
      throw new TypeError(
        `${owner} ${
          dev
            ? words
              ? `needs "${name}" to be ${words}; got ${value === "" || (typeof value == "string" && !value.trim()) ? "an empty string" : value === null ? "null" : typeof value}.`
              : `got "${name}", which is not an option; use ${Object.keys(expected ?? {}).join(", ")}.`
            : `"${name}"`
        }`,
      );
  }
  const { retry } = options;
  const { attempts = 3, minDelayMs, maxDelayMs }: RetryOptions = retry === false ? { attempts: 1 } : (retry ?? {});
  // Every option the machine reads is a key of the result (undefined when not given), as ResolvedDataOptions says.
  return {
    ...(options as ResolvedDataOptions),
    retry: {
      attempts,
      minDelayMs: minDelayMs ?? Math.min(500, maxDelayMs ?? 500),
      maxDelayMs: maxDelayMs ?? Math.max(8000, minDelayMs ?? 0),
    },
  };
}
