import type { FakeBackend } from "../shared/FakeBackend.js";
import type { AnyFakeSubscription, SubscriptionOwner } from "./FakeSubscription.js";

/** What the refs of one fake session use: the server, the user's view of it, requests and subscriptions. */
export interface SessionInternals extends SubscriptionOwner {
  readonly me: string;
  readonly backend: FakeBackend;
  /** Runs `work` on the "server" once connected and after the latency; rejects once the session has ended. */
  request<T>(work: () => T): Promise<T>;
  /** Registers a new subscription and starts it (at once when another one already has its data cached). */
  subscribe<S extends AnyFakeSubscription>(subscription: S): S;
  /** The injected failure for the next `send()`, if any. */
  takeSendFailure(): Error | undefined;
}

/** TalkJS validates ids given to `user()`, `conversation()`, `message()` and `participant()`. */
export function assertId(method: string, id: unknown): asserts id is string {
  if (typeof id !== "string" || id === "") {
    throw new Error(`[TalkJS] ${method} needs a non-empty string id; got ${JSON.stringify(id)}.`);
  }
}

/** Fields whose `null` means "reset to the default" in TalkJS's set params. */
export function orDefault<T>(value: T | null | undefined, fallback: T, current: T): T {
  return value === undefined ? current : value === null ? fallback : value;
}

/** Applies a TalkJS custom-data patch (`null` removes a key, `null` for the whole object clears it). */
export function patchCustom(
  current: Record<string, string>,
  patch: Record<string, string | null> | null | undefined,
): Record<string, string> {
  if (patch === undefined) return current;
  if (patch === null) return {};
  const merged = Object.entries({ ...current, ...patch });
  return Object.fromEntries(merged.filter((entry): entry is [string, string] => entry[1] !== null));
}

/** The parts of TalkJS's API the fake leaves out (search, uploads, reactions, translation) fail saying so. */
export function notImplemented(feature: string): Error {
  return new Error(`[TalkJS fake] ${feature} is not implemented by the @talkjs/core fake.`);
}
