import type Talk from "talkjs";
import type { FakeDesktopNotificationInit, FakeSession } from "./FakeSession.js";
import type { FakeMessageInit } from "./fakeMessage.js";

/**
 * A fake `talkjs` module (`ready`, `Session`, `User`) plus controls for tests. Pass it wherever a TalkModule is expected.
 * Controls that take an optional `session` act on the latest live session when it is omitted, and throw if none is alive.
 * @example
 * const talk = createFakeTalk();
 * render(<Session talk={talk} appId="test-app" userId="pete" />);
 * talk.emitMessage({ body: "Hi" });
 */
export interface FakeTalk extends Pick<typeof Talk, "ready" | "Session" | "User"> {
  /** Resolves when the fake SDK "loads"; reading it the first time starts the load, as the script tag does. */
  readonly ready: Promise<void>;
  /** The fake session class, typed as the SDK's. Its instances are {@link FakeSession}s. */
  readonly Session: typeof Talk.Session;
  /** The fake user class, typed as the SDK's. */
  readonly User: typeof Talk.User;
  /** Every session constructed, in order (destroyed ones included). */
  readonly sessions: readonly FakeSession[];
  /** The sessions whose `isAlive` is true. */
  liveSessions(): FakeSession[];
  /** The most sessions that were alive at the same moment, ever: 1 proves no two sessions ever overlapped. */
  peakLiveSessions(): number;
  /** Live SDK subscriptions over all sessions: on<Event>, legacy on(), unreads.onChange / unreads.on("change"). */
  subscriptionCount(): number;
  /** Resolves `ready` now (for `ready: "manual"`; also works in the other modes while it is unsettled). */
  resolveReady(): void;
  /** Rejects `ready` now (for `ready: "manual"`); a default load error when no error is given. */
  rejectReady(error?: unknown): void;
  /** The next `new Session()` throws this error (default: a TalkJS-like Error). */
  failNextSession(error?: Error): void;
  /** Every `new Session()` throws this error until `failSessions(false)`. */
  failSessions(error: Error | false): void;
  /** Emits "message" on `session` (default: the latest live one) and returns the message. */
  emitMessage(init?: FakeMessageInit, session?: FakeSession): Talk.Message;
  /** Sets the unread conversations (a number makes that many) and calls the unreads handlers. */
  setUnreads(unreads: Talk.UnreadConversation[] | number, session?: FakeSession): void;
  /** Emits "desktopNotificationClicked" as if the user clicked a desktop notification. */
  clickDesktopNotification(init?: FakeDesktopNotificationInit, session?: FakeSession): void;
  /** Emits browserPermissionNeeded, awaits the handlers' promises, then browserPermissionDenied when "denied". */
  requestBrowserPermission(
    session?: FakeSession,
    type?: Talk.PermissionType,
  ): Promise<"granted" | "denied" | "unsupported">;
  /** Asks the session's tokenFetcher now, as TalkJS does before `exp`; checks and records the token. */
  refreshToken(session?: FakeSession): Promise<string>;
}
