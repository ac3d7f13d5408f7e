import type Talk from "talkjs";
import { EventHub } from "./EventHub";
import { loadTalk } from "./loadTalk";
import { SessionError } from "./SessionError";
import { timers } from "./timers";
import { createTokenSource, type TokenSource } from "./tokenSource";
import type {
  DebugEntry,
  SessionController,
  SessionEventHandlers,
  SessionEventName,
  SessionOptions,
  SessionState,
  SessionStatus,
  TalkModule,
} from "./types";
import { userKey } from "./userKey";
import { validateSessionOptions, type ResolvedOptions } from "./validateOptions";

const idleState: SessionState = Object.freeze({ status: "idle", session: undefined, unreads: undefined, error: undefined });
let warnedAboutSignature = false;

class TalkSessionController implements SessionController {
  #options: ResolvedOptions;
  #state: SessionState = idleState;
  #listeners: ReadonlyArray<() => void> = [];
  #events = new EventHub((error) => this.#report(error));
  #connections = 0;
  #releaseTimer: ReturnType<typeof setTimeout> | undefined;
  // Bumped whenever in-flight work must be abandoned: a newer attempt, a release, destroy.
  #attempt = 0;
  #talk: TalkModule | undefined;
  #session: Talk.Session | undefined;
  #sessionUserKey: string | undefined;
  #tokens: TokenSource | undefined;
  #unreadsSubscription: Talk.Subscription | undefined;
  #onConnected: (() => void) | undefined;
  #readyWaiters: Array<{ resolve: (session: Talk.Session) => void; reject: (error: Error) => void }> = [];

  constructor(options: SessionOptions) {
    this.#options = validateSessionOptions(options);
    this.#warnAboutSignature();
  }

  getState = (): SessionState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((candidate) => candidate !== listener);
    };
  };

  on = <Name extends SessionEventName>(name: Name, handler: SessionEventHandlers[Name]): (() => void) => {
    if (this.#state.status === "destroyed") return () => {};
    return this.#events.on(name, handler);
  };

  connect = (): (() => void) => {
    if (this.#state.status === "destroyed") {
      if (process.env.NODE_ENV !== "production") {
        console.warn("[talk-session] connect() on a destroyed controller does nothing; create a new one with createTalkSession().");
      }
      return () => {};
    }
    this.#connections++;
    timers.clearTimeout(this.#releaseTimer);
    this.#releaseTimer = undefined;
    this.#onConnected?.();
    if (this.#state.status === "idle") this.#start("connected");
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release();
    };
  };

  setOptions = (options: SessionOptions): void => {
    if (this.#state.status === "destroyed") return;
    const previous = this.#options;
    const next = validateSessionOptions(options);
    this.#options = next;
    this.#warnAboutSignature();
    if (next.talk !== previous.talk) this.#talk = undefined;
    if (next.token !== previous.token) this.#tokens?.tokenChanged();

    const { status } = this.#state;
    if (status === "idle") return;
    if (this.#mustRecreate(previous, next)) {
      this.#start("options changed: new session");
    } else if (status === "error" && next.token !== previous.token) {
      this.#start("new token after an error");
    } else if (status === "ready" && next.desktopNotificationsEnabled !== previous.desktopNotificationsEnabled) {
      this.#applyDesktopNotifications();
    }
  };

  whenReady = (): Promise<Talk.Session> => {
    const { status, session } = this.#state;
    if (status === "ready" && session) return Promise.resolve(session);
    if (status === "destroyed") return Promise.reject(destroyedError());
    return new Promise((resolve, reject) => this.#readyWaiters.push({ resolve, reject }));
  };

  retry = (): void => {
    if (this.#state.status !== "error") return;
    if (this.#connections > 0) this.#start("retry");
    else this.#transition("idle", idleState, "retry with no connection: idle until the next connect()");
  };

  destroy = (): void => {
    if (this.#state.status === "destroyed") return;
    this.#attempt++;
    timers.clearTimeout(this.#releaseTimer);
    this.#onConnected = undefined;
    this.#disposeSession();
    this.#transition("destroyed", { status: "destroyed", session: undefined, unreads: undefined, error: undefined }, "destroyed");
    this.#events.clear();
    this.#listeners = [];
  };

  #release(): void {
    this.#connections--;
    if (this.#connections > 0 || this.#state.status === "destroyed") return;
    // One grace period lets a StrictMode remount or a route flicker reuse the session.
    this.#releaseTimer = timers.setTimeout(() => {
      this.#releaseTimer = undefined;
      if (this.#connections > 0 || this.#state.status === "destroyed") return;
      this.#attempt++;
      this.#onConnected = undefined;
      this.#disposeSession();
      this.#transition("idle", idleState, "released: no connection left");
    }, this.#options.keepAliveMs ?? 0);
  }

  #start(reason: string): void {
    const attempt = ++this.#attempt;
    this.#disposeSession();
    this.#transition("loading", { status: "loading", session: undefined, unreads: undefined, error: undefined }, reason);
    this.#run(attempt).catch((error: unknown) => {
      if (attempt !== this.#attempt) return;
      this.#fail(
        error instanceof SessionError
          ? error
          : new SessionError("session-create-failed", "Creating the TalkJS session failed unexpectedly; the cause says why.", { cause: error }),
      );
    });
  }

  async #run(attempt: number): Promise<void> {
    const stale = () => attempt !== this.#attempt;
    const tokens = createTokenSource(() => this.#options);
    const wantsToken = () => this.#options.token !== undefined || this.#options.tokenFetcher !== undefined;
    // The first token is fetched while the SDK script loads, not after.
    let firstToken = wantsToken() ? tokens.get() : undefined;
    firstToken?.catch(() => {}); // Awaited below; this only keeps a load failure from leaving it unhandled.

    const talk = this.#talk ?? (await loadTalk(this.#options.talk, this.#options.loadTimeoutMs));
    if (stale()) return;
    if (!this.#talk) this.#step("sdk ready");
    this.#talk = talk;

    if (!firstToken && wantsToken()) firstToken = tokens.get();
    const token = await firstToken;
    if (stale()) return tokens.dispose();
    if (token !== undefined) this.#step("token ready");

    // Released during the grace period: build nothing until someone connects again.
    if (this.#connections === 0) await new Promise<void>((resolve) => (this.#onConnected = resolve));
    this.#onConnected = undefined;
    if (stale()) return tokens.dispose();

    const options = this.#options;
    let me: Talk.User | undefined;
    let session: Talk.Session;
    try {
      me = typeof options.syncUser === "function" ? options.syncUser() : options.syncUser;
      session = new talk.Session({
        appId: options.appId,
        ...(me ? { me } : { userId: options.userId }),
        ...(token !== undefined ? { token } : {}),
        ...(wantsToken() ? { tokenFetcher: () => this.#refreshToken(tokens, attempt) } : {}),
        ...(options.signature !== undefined ? { signature: options.signature } : {}),
      });
    } catch (cause) {
      tokens.dispose();
      throw new SessionError(
        "session-create-failed",
        `TalkJS refused to create the session for app "${options.appId}"; the cause says why. Check "appId" and the user, then call retry().`,
        { cause },
      );
    }
    this.#session = session;
    this.#sessionUserKey = me ? userKey(me) : undefined;
    this.#tokens = tokens;
    this.#events.attach(session);
    this.#unreadsSubscription = session.unreads.onChange((unreads) => {
      if (this.#session !== session) return;
      this.#setState({ ...this.#state, unreads });
      this.#events.emit("unreadsChange", unreads);
    });
    this.#transition("ready", { ...this.#state, status: "ready", session, error: undefined }, `session created for user "${session.me?.id ?? options.userId}"`);
    if (options.desktopNotificationsEnabled !== undefined) this.#applyDesktopNotifications();
    this.#checkCredentials(session);
  }

  #checkCredentials(session: Talk.Session): void {
    if (typeof session.hasValidCredentials !== "function") return;
    session.hasValidCredentials().then(
      (valid) => {
        if (valid || this.#session !== session) return;
        this.#fail(
          new SessionError(
            "session-create-failed",
            `TalkJS refused the session: app "${this.#options.appId}" or the user's credentials are not valid. Check "appId" and your token or signature, then call retry().`,
          ),
        );
      },
      () => {},
    );
  }

  #refreshToken(tokens: TokenSource, attempt: number): Promise<string> {
    const refreshed = tokens.get();
    refreshed.then(
      () => this.#step("token refreshed"),
      (error: unknown) => {
        if (attempt === this.#attempt && error instanceof SessionError) this.#fail(error);
      },
    );
    return refreshed;
  }

  #applyDesktopNotifications(): void {
    const session = this.#session;
    const enabled = this.#options.desktopNotificationsEnabled;
    if (!session || enabled === undefined) return;
    session.setDesktopNotificationEnabled(enabled).catch((cause: unknown) => {
      if (this.#session !== session) return;
      this.#report(
        new SessionError(
          "desktop-notifications-failed",
          `Desktop notifications could not be ${enabled ? "enabled" : "disabled"} (the browser or the user denied permission, or it is unsupported). The session keeps working.`,
          { cause },
        ),
      );
    });
  }

  #mustRecreate(previous: ResolvedOptions, next: ResolvedOptions): boolean {
    if (previous.appId !== next.appId || previous.userId !== next.userId || previous.signature !== next.signature) return true;
    if (previous.syncUser === next.syncUser || next.syncUser === undefined) return false;
    // Before the session exists the latest syncUser is used anyway; after, compare data, not identity.
    if (!this.#session || this.#sessionUserKey === undefined) return false;
    try {
      return userKey(typeof next.syncUser === "function" ? next.syncUser() : next.syncUser) !== this.#sessionUserKey;
    } catch {
      return true;
    }
  }

  #disposeSession(): void {
    this.#events.detach();
    this.#unreadsSubscription?.unsubscribe();
    this.#unreadsSubscription = undefined;
    this.#tokens?.dispose();
    this.#tokens = undefined;
    const session = this.#session;
    this.#session = undefined;
    this.#sessionUserKey = undefined;
    try {
      if (session?.isAlive) session.destroy();
    } catch {
      // Already gone inside the SDK; nothing left to release.
    }
  }

  #fail(error: SessionError): void {
    this.#disposeSession();
    this.#transition("error", { status: "error", session: undefined, unreads: this.#state.unreads, error }, error.message, error);
    this.#events.emit("error", error);
  }

  #report(error: SessionError): void {
    this.#step(error.message, error);
    this.#events.emit("error", error);
  }

  #transition(status: SessionStatus, next: SessionState, message: string, error?: SessionError): void {
    const previous = this.#state.status;
    this.#trace({ type: "transition", status, previous, message, ...(error ? { error } : {}) });
    this.#setState(next === idleState ? idleState : { ...next, status });
    if (status === "ready" && next.session) {
      for (const waiter of this.#readyWaiters.splice(0)) waiter.resolve(next.session);
    } else if (status === "destroyed") {
      for (const waiter of this.#readyWaiters.splice(0)) waiter.reject(destroyedError());
    }
  }

  #setState(next: SessionState): void {
    this.#state = Object.freeze(next);
    for (const listener of this.#listeners) listener();
  }

  #step(message: string, error?: SessionError): void {
    this.#trace({ type: "step", status: this.#state.status, message, ...(error ? { error } : {}) });
  }

  #trace(entry: DebugEntry): void {
    const { debug } = this.#options;
    if (!debug) return;
    if (typeof debug === "function") debug(entry);
    else console.debug(`[talk-session] ${entry.status}: ${entry.message}`);
  }

  #warnAboutSignature(): void {
    if (process.env.NODE_ENV !== "production" && this.#options.signature !== undefined && !warnedAboutSignature) {
      warnedAboutSignature = true;
      console.warn(`[talk-session] "signature" (legacy HMAC authentication) is deprecated by TalkJS: signatures never expire. Use "token" or "tokenFetcher".`);
    }
  }
}

function destroyedError(): Error {
  return new Error("The TalkJS session controller was destroyed; create a new one with createTalkSession().");
}

/**
 * Creates a session controller in status `idle`. It touches neither `window` nor `talkjs` until
 * `connect()`, so it is safe during server rendering and in renders a framework may discard.
 *
 * @example
 * const talk = createTalkSession({ appId: "APP_ID", userId: "pete", tokenFetcher });
 * const release = talk.connect();
 * const session = await talk.whenReady();
 * @throws TypeError when an option is missing or wrong, naming the option and the fix.
 */
export function createTalkSession(options: SessionOptions): SessionController {
  return new TalkSessionController(options);
}
