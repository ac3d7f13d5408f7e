import type Talk from "talkjs";
import { FakeUser } from "./FakeUser.js";

function fail(problem: string): never {
  throw new Error(`[TalkJS] new Talk.Session(options): ${problem}`);
}

/** Rejects what TalkJS rejects, with a message that names the option and the fix. */
export function validateSessionOptions(options: unknown): asserts options is Talk.SessionOptions {
  if (typeof options !== "object" || options === null) fail(`options must be an object; got ${String(options)}.`);
  const { appId, userId, me, token, tokenFetcher, signature } = options as Record<string, unknown>;
  if (typeof appId !== "string" || appId === "")
    fail(`"appId" must be a non-empty string; got ${JSON.stringify(appId)}.`);
  if (userId !== undefined && me !== undefined) fail(`give exactly one of "userId" or "me"; got both.`);
  if (userId === undefined && me === undefined) fail(`give exactly one of "userId" or "me"; got neither.`);
  if (userId !== undefined && (typeof userId !== "string" || userId === "")) {
    fail(`"userId" must be a non-empty string; got ${JSON.stringify(userId)}.`);
  }
  if (me !== undefined && !(me instanceof FakeUser)) fail(`"me" must be a Talk.User created with new Talk.User(...).`);
  if (token !== undefined && (typeof token !== "string" || token === ""))
    fail(`"token" must be a non-empty string when given.`);
  if (tokenFetcher !== undefined && typeof tokenFetcher !== "function")
    fail(`"tokenFetcher" must be a function when given.`);
  if (signature !== undefined && (typeof signature !== "string" || signature === "")) {
    fail(`"signature" must be a non-empty string when given.`);
  }
}
