import type { AnyFakeUIBox } from "./AnyFakeUIBox.js";
import type { FakeSession } from "./FakeSession.js";
import type { FakeUIBox } from "./FakeUIBox.js";
import type { FakeTalkOptions } from "./FakeTalkOptions.js";

/** Settings of one fake, with defaults applied. */
export interface FakeRuntimeSettings {
  readonly secret: string | undefined;
  readonly verifyToken: FakeTalkOptions["verifyToken"];
  readonly onSend: FakeTalkOptions["onSend"];
  readonly userName: FakeTalkOptions["userName"];
  readonly participants: FakeTalkOptions["participants"];
  readonly onRead: FakeTalkOptions["onRead"];
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
  readonly ui: FakeUIRuntime;
}

/** What the fake boxes need from their fake `Talk`: injected failures and delays, and the registries behind controls. */
export interface FakeUIRuntime {
  /** The error an injected failure wants this `mount`/`select` call to reject with, if any. */
  takeFailure(operation: "mount" | "select"): Error | undefined;
  /** How long this `mount`/`select` call takes; `Infinity` settles only when the box is destroyed. */
  delayMs(operation: "mount" | "select"): number;
  registerBox(box: AnyFakeUIBox): void;
  recordCall(box: FakeUIBox, method: string, args: readonly unknown[]): void;
}
