import type Talk from "talkjs";
import type { FakeDesktopNotificationInit, FakeSession } from "./FakeSession.js";
import type { FakeMessageInit } from "./fakeMessage.js";
import type { AnyFakeUIBox } from "./AnyFakeUIBox.js";
import type { FakeUIBoxCall } from "./FakeUIBox.js";
import type { FakeUIBoxEventInit, FakeUIBoxEventName } from "./FakeUIBoxEventName.js";

/**
 * One entry of `talk.boxCalls()`: an SDK call on a box, with the box it was made on.
 * @example
 * const selects = talk.boxCalls().filter(({ method }) => method === "select").length;
 */
export interface FakeTalkBoxCall extends FakeUIBoxCall {
  readonly box: AnyFakeUIBox;
}

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
  /**
   * Every Chatbox, Inbox and Popup created on any session, in creation order (destroyed ones included).
   * Narrow an entry by `kind`; each has `options`, `isAlive`, `container`, `conversationId`, `asGuest`, `calls`, ...
   * @example
   * expect(talk.boxes.map((box) => box.kind)).toEqual(["chatbox"]);
   */
  readonly boxes: readonly AnyFakeUIBox[];
  /**
   * The boxes that are not destroyed yet (a session's destroy destroys its boxes).
   * @example
   * expect(talk.liveBoxes()).toHaveLength(1);
   */
  liveBoxes(): AnyFakeUIBox[];
  /**
   * The most boxes that were alive at the same moment, ever: 1 proves no two boxes ever overlapped.
   * @example
   * expect(talk.peakLiveBoxes()).toBe(1);
   */
  peakLiveBoxes(): number;
  /**
   * Every SDK call made on any box, in call order, each with its box; a box's own log is `box.calls`.
   * @example
   * expect(talk.boxCalls().filter((call) => call.method === "select")).toHaveLength(10);
   */
  boxCalls(): FakeTalkBoxCall[];
  /**
   * The next `mount()` of any box rejects with this error (default: a TalkJS-like Error).
   * @example
   * talk.failNextMount(new Error("iframe blocked"));
   * await expect(chatbox.mount(element)).rejects.toThrow("iframe blocked");
   */
  failNextMount(error?: Error): void;
  /**
   * Every `mount()` rejects with this error until `failMounts(false)`.
   * @example
   * talk.failMounts(new Error("offline"));
   */
  failMounts(error: Error | false): void;
  /**
   * The next `select()` of any box rejects with this error (default: a TalkJS-like Error).
   * @example
   * talk.failNextSelect();
   * await expect(chatbox.select("order-42")).rejects.toThrow();
   */
  failNextSelect(error?: Error): void;
  /**
   * Every `select()` rejects with this error until `failSelects(false)`.
   * @example
   * talk.failSelects(new Error("no access"));
   */
  failSelects(error: Error | false): void;
  /**
   * `mount()` calls made from now on settle after `ms` (a timer, so fake timers control it); 0 restores the
   * default (a later microtask); `Infinity` makes them settle only when the box is destroyed (they then reject).
   * @example
   * talk.delayMounts(500);
   * const mounted = chatbox.mount(element);
   * await vi.advanceTimersByTimeAsync(500);
   */
  delayMounts(ms: number): void;
  /**
   * `select()` calls made from now on settle after `ms`; as `delayMounts`.
   * @example
   * talk.delaySelects(Infinity); // a select that never answers
   */
  delaySelects(ms: number): void;
  /**
   * Fires a box event on `box` (default: the latest live box that has this event) and returns `false` when a
   * handler called `preventDefault()`. The payload has realistic defaults; `init` overrides fields.
   * @throws Error when no live box has the event, or the box is destroyed.
   * @example
   * talk.emitBoxEvent("conversationSelected", { conversation: null });
   * talk.emitBoxEvent("customMessageAction", { action: "reply" });
   */
  emitBoxEvent<Name extends FakeUIBoxEventName>(
    name: Name,
    init?: FakeUIBoxEventInit<Name>,
    box?: AnyFakeUIBox,
  ): boolean;
  /** Asks the session's tokenFetcher now, as TalkJS does before `exp`; checks and records the token. */
  refreshToken(session?: FakeSession): Promise<string>;
}
