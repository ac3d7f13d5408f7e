import type { FakeSession } from "./FakeSession.js";
import type { FakeTalkOptions } from "./FakeTalkOptions.js";

/** Settings of one fake, with defaults applied. */
export interface FakeRuntimeSettings {
  readonly secret: string | undefined;
  readonly verifyToken: FakeTalkOptions["verifyToken"];
  readonly onSend: FakeTalkOptions["onSend"];
  readonly userName: FakeTalkOptions["userName"];
  readonly appIds: readonly string[] | undefined;
  readonly refreshBeforeExpiryMs: number;
  readonly notificationPermission: "granted" | "denied" | "unsupported";
}

/** What a fake `Session` or `User` needs from the fake `Talk` that created its class. */
export interface FakeRuntime {
  readonly settings: FakeRuntimeSettings;
  /** @throws TypeError while the SDK has not "loaded" (before `ready` resolved). */
  assertLoaded(className: "Session" | "User"): void;
  /** The error an injected failure wants the next construction to throw, if any. */
  takeSessionFailure(): Error | undefined;
  registerSession(session: FakeSession): void;
}
