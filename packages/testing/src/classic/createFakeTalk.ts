import type Talk from "talkjs";
import type { FakeTalk } from "./FakeTalk.js";
import type { FakeTalkOptions } from "./FakeTalkOptions.js";
import type { FakeDesktopNotificationInit } from "./FakeSession.js";
import { FakeSession } from "./FakeSession.js";
import type { FakeMessageInit } from "./fakeMessage.js";
import type { FakeRuntime, FakeRuntimeSettings } from "./FakeRuntime.js";
import { FakeUser } from "./FakeUser.js";
import { startTimer } from "../shared/timers.js";
import type { AnyFakeUIBox } from "./AnyFakeUIBox.js";
import type { FakeTalkBoxCall } from "./FakeTalk.js";
import { eventNamesOf } from "./fakeUIBoxEvent.js";
import type { FakeUIBoxEventInit, FakeUIBoxEventName } from "./FakeUIBoxEventName.js";

type UIOperation = "mount" | "select";

type ReadyState = "unloaded" | "loading" | "resolved" | "rejected";
type ReadySettlers = { resolve: () => void; reject: (error: unknown) => void };

const READY_MODES = new Set(["resolve", "manual", "never", "reject"]);
const PERMISSIONS = new Set(["granted", "denied", "unsupported"]);

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`createFakeTalk: "${name}" must be a number; got ${JSON.stringify(value)}.`);
  }
  return Math.max(0, value);
}

function resolveSettings(options: FakeTalkOptions): FakeRuntimeSettings {
  if (options.ready !== undefined && !READY_MODES.has(options.ready)) {
    throw new TypeError(
      `createFakeTalk: "ready" must be "resolve", "manual", "never" or "reject"; got ${JSON.stringify(options.ready)}.`,
    );
  }
  if (options.notificationPermission !== undefined && !PERMISSIONS.has(options.notificationPermission)) {
    throw new TypeError(
      `createFakeTalk: "notificationPermission" must be "granted", "denied" or "unsupported"; got ${JSON.stringify(options.notificationPermission)}.`,
    );
  }
  if (options.secret !== undefined && (typeof options.secret !== "string" || options.secret === "")) {
    throw new TypeError(`createFakeTalk: "secret" must be a non-empty string when given.`);
  }
  for (const hook of ["verifyToken", "onSend", "userName", "participants", "onRead"] as const) {
    if (options[hook] !== undefined && typeof options[hook] !== "function") {
      throw new TypeError(`createFakeTalk: "${hook}" must be a function when given; got ${typeof options[hook]}.`);
    }
  }
  return {
    secret: options.secret,
    verifyToken: options.verifyToken,
    onSend: options.onSend,
    userName: options.userName,
    participants: options.participants,
    onRead: options.onRead,
    appIds: options.appIds === undefined ? undefined : [...options.appIds],
    refreshBeforeExpiryMs: nonNegative("refreshBeforeExpiryMs", options.refreshBeforeExpiryMs, 10_000),
    notificationPermission: options.notificationPermission ?? "granted",
  };
}

class FakeTalkModule implements FakeTalk {
  readonly Session: typeof Talk.Session;
  readonly User: typeof Talk.User;
  #settings: FakeRuntimeSettings;
  #readyMode: NonNullable<FakeTalkOptions["ready"]>;
  #readyDelayMs: number;
  #readyState: ReadyState;
  #ready: Promise<void>;
  #settleReady: ReadySettlers;
  #sessions: FakeSession[] = [];
  #peakLiveSessions = 0;
  #nextSessionFailure: Error | undefined;
  #sessionFailure: Error | false = false;
  #boxes: AnyFakeUIBox[] = [];
  #peakLiveBoxes = 0;
  #boxCalls: FakeTalkBoxCall[] = [];
  #nextUIFailure: Record<UIOperation, Error | undefined> = { mount: undefined, select: undefined };
  #uiFailure: Record<UIOperation, Error | false> = { mount: false, select: false };
  #uiDelayMs: Record<UIOperation, number>;

  constructor(options: FakeTalkOptions, loadedAlready: boolean) {
    this.#settings = resolveSettings(options);
    this.#readyMode = options.ready ?? "resolve";
    this.#readyDelayMs = nonNegative("readyDelayMs", options.readyDelayMs, 0);
    this.#uiDelayMs = {
      mount: nonNegative("mountDelayMs", options.mountDelayMs, 0),
      select: nonNegative("selectDelayMs", options.selectDelayMs, 0),
    };
    let settlers: ReadySettlers = { resolve: () => undefined, reject: () => undefined };
    this.#ready = new Promise<void>((resolve, reject) => (settlers = { resolve, reject }));
    this.#settleReady = settlers;
    // A rejected load nobody awaits must not crash the test run as an unhandled rejection.
    this.#ready.catch(() => undefined);
    this.#readyState = "unloaded";
    if (loadedAlready) this.resolveReady();

    const runtime = this.#runtime();
    this.Session = class Session extends FakeSession {
      constructor(sessionOptions: Talk.SessionOptions) {
        super(sessionOptions, runtime);
      }
    } as unknown as typeof Talk.Session; // Talk.Session has private members, so the fake can only be cast to it.
    this.User = class User extends FakeUser {
      constructor(userOptions: Talk.UserOptions | string | number) {
        super(userOptions, runtime);
      }
    };
  }

  get ready(): Promise<void> {
    if (this.#readyState === "unloaded") this.#startLoading();
    return this.#ready;
  }

  get sessions(): readonly FakeSession[] {
    return [...this.#sessions];
  }

  liveSessions(): FakeSession[] {
    return this.#sessions.filter((session) => session.isAlive);
  }

  peakLiveSessions(): number {
    return this.#peakLiveSessions;
  }

  subscriptionCount(): number {
    return this.#sessions.reduce((total, session) => total + session.subscriptionCount(), 0);
  }

  get boxes(): readonly AnyFakeUIBox[] {
    return [...this.#boxes];
  }

  liveBoxes(): AnyFakeUIBox[] {
    return this.#boxes.filter((box) => box.isAlive);
  }

  peakLiveBoxes(): number {
    return this.#peakLiveBoxes;
  }

  boxCalls(): FakeTalkBoxCall[] {
    return [...this.#boxCalls];
  }

  failNextMount(error?: Error): void {
    this.#nextUIFailure.mount =
      error ?? new Error("[TalkJS] The UI could not be mounted (failNextMount() of the TalkJS fake).");
  }

  failMounts(error: Error | false): void {
    this.#uiFailure.mount = error;
  }

  failNextSelect(error?: Error): void {
    this.#nextUIFailure.select =
      error ?? new Error("[TalkJS] The conversation could not be selected (failNextSelect() of the TalkJS fake).");
  }

  failSelects(error: Error | false): void {
    this.#uiFailure.select = error;
  }

  delayMounts(ms: number): void {
    this.#uiDelayMs.mount = nonNegative("delayMounts(ms)", ms, 0);
  }

  delaySelects(ms: number): void {
    this.#uiDelayMs.select = nonNegative("delaySelects(ms)", ms, 0);
  }

  emitBoxEvent<Name extends FakeUIBoxEventName>(
    name: Name,
    init?: FakeUIBoxEventInit<Name>,
    box?: AnyFakeUIBox,
  ): boolean {
    const target =
      box ??
      this.liveBoxes()
        .reverse()
        .find((candidate) => eventNamesOf(candidate.kind).has(name));
    if (target === undefined) {
      throw new Error(
        `[TalkJS fake] emitBoxEvent("${name}"): no live box has this event. Create and keep a box that has it first.`,
      );
    }
    // Each kind's emit is typed to its own events; the box was checked (or is checked by emit) at runtime.
    return (target.emit as (name: string, init?: unknown) => boolean)(name, init);
  }

  resolveReady(): void {
    if (this.#readyState === "resolved" || this.#readyState === "rejected") return;
    this.#readyState = "resolved";
    this.#settleReady.resolve();
  }

  rejectReady(error?: unknown): void {
    if (this.#readyState === "resolved" || this.#readyState === "rejected") return;
    this.#readyState = "rejected";
    this.#settleReady.reject(
      error ?? new Error("[TalkJS fake] The TalkJS script failed to load (rejectReady() was called)."),
    );
  }

  failNextSession(error?: Error): void {
    this.#nextSessionFailure =
      error ?? new Error("[TalkJS] Could not create the session (failNextSession() of the TalkJS fake).");
  }

  failSessions(error: Error | false): void {
    this.#sessionFailure = error;
  }

  emitMessage(init?: FakeMessageInit, session?: FakeSession): Talk.Message {
    return this.#target("emitMessage", session).emitMessage(init);
  }

  setUnreads(unreads: Talk.UnreadConversation[] | number, session?: FakeSession): void {
    this.#target("setUnreads", session).setUnreads(unreads);
  }

  clickDesktopNotification(init?: FakeDesktopNotificationInit, session?: FakeSession): void {
    this.#target("clickDesktopNotification", session).clickDesktopNotification(init);
  }

  requestBrowserPermission(
    session?: FakeSession,
    type?: Talk.PermissionType,
  ): Promise<"granted" | "denied" | "unsupported"> {
    return this.#target("requestBrowserPermission", session).requestBrowserPermission(type);
  }

  refreshToken(session?: FakeSession): Promise<string> {
    return this.#target("refreshToken", session).refreshToken();
  }

  #startLoading(): void {
    this.#readyState = "loading";
    if (this.#readyMode === "resolve") startTimer(() => this.resolveReady(), this.#readyDelayMs);
    if (this.#readyMode === "reject") {
      startTimer(
        () => this.rejectReady(new Error('[TalkJS fake] The TalkJS script failed to load (ready: "reject").')),
        this.#readyDelayMs,
      );
    }
  }

  #target(control: string, session: FakeSession | undefined): FakeSession {
    if (session !== undefined) return session;
    const live = this.liveSessions();
    const latest = live[live.length - 1];
    if (latest === undefined) {
      throw new Error(
        `[TalkJS fake] ${control}(): no live session. Create one with new talk.Session(...) (after talk.ready) first.`,
      );
    }
    return latest;
  }

  #runtime(): FakeRuntime {
    return {
      settings: this.#settings,
      assertLoaded: (className) => {
        if (this.#readyState !== "resolved") {
          throw new TypeError(
            `[TalkJS fake] Talk.${className} is not available before the SDK has loaded. Await Talk.ready before calling new Talk.${className}(...).`,
          );
        }
      },
      takeSessionFailure: () => {
        const failure = this.#nextSessionFailure ?? (this.#sessionFailure === false ? undefined : this.#sessionFailure);
        this.#nextSessionFailure = undefined;
        return failure;
      },
      registerSession: (session) => {
        this.#sessions.push(session);
        // Only a construction adds a live session, so the peak is exact when counted here.
        this.#peakLiveSessions = Math.max(this.#peakLiveSessions, this.liveSessions().length);
      },
      ui: {
        takeFailure: (operation) => {
          const failure =
            this.#nextUIFailure[operation] ??
            (this.#uiFailure[operation] === false ? undefined : this.#uiFailure[operation]);
          this.#nextUIFailure[operation] = undefined;
          return failure;
        },
        delayMs: (operation) => this.#uiDelayMs[operation],
        registerBox: (box) => {
          this.#boxes.push(box);
          // Only a creation adds a live box, so the peak is exact when counted here.
          this.#peakLiveBoxes = Math.max(this.#peakLiveBoxes, this.liveBoxes().length);
        },
        recordCall: (box, method, args) => {
          this.#boxCalls.push({ box: box as AnyFakeUIBox, method, args });
        },
      },
    };
  }
}

/**
 * Creates a fake TalkJS SDK: a `TalkModule` (`ready`, `Session`, `User`) typed against `talkjs`, plus test controls.
 * Like the real SDK, `new Session()`/`new User()` throw until `ready` has resolved.
 * @throws TypeError for an unknown `ready` mode, `notificationPermission` or a non-numeric delay.
 * @example
 * const talk = createFakeTalk({ secret: "s3cret" });
 * await talk.ready;
 * const session = new talk.Session({ appId: "test-app", userId: "pete", token });
 */
export function createFakeTalk(options: FakeTalkOptions = {}): FakeTalk {
  return new FakeTalkModule(options, false);
}

/** A fake whose SDK counts as loaded at once, as after the CDN script ran (used by the browser build). */
export function createLoadedFakeTalk(options: FakeTalkOptions = {}): FakeTalk {
  return new FakeTalkModule(options, true);
}
