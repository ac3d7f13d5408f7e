import type Talk from "talkjs";
import { errorReporters } from "./errorReporters";
import { createEventHub } from "./eventHub";
import { loadTalk } from "./loadTalk";
import { SessionError } from "./SessionError";
import { timers } from "./timers";
import { createTokenSource, type TokenSource } from "./tokenSource";
import type { SessionController, SessionOptions, SessionState, SessionStatus, TalkModule } from "./types";
import { userKey } from "./userKey";
import { validateSessionOptions, type ResolvedOptions } from "./validateOptions";

const idle: SessionState = Object.freeze({ status: "idle", session: undefined, unreads: undefined, error: undefined });
let warnedAboutSignature = false;

const destroyedError = () =>
  new Error("This TalkJS session controller was destroyed; create a new one with createTalkSession().");

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
export function createTalkSession(initialOptions: SessionOptions): SessionController {
  let options: ResolvedOptions = validateSessionOptions(initialOptions);
  let state = idle;
  let listeners: ReadonlyArray<() => void> = [];
  let connections = 0;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  // Bumped whenever in-flight work must be abandoned: a newer attempt, a release, destroy.
  let attempt = 0;
  let talk: TalkModule | undefined;
  let session: Talk.Session | undefined;
  let sessionUserKey: string | undefined;
  let tokens: TokenSource | undefined;
  // The token source of an attempt still loading: a newer attempt, a release or destroy stops its retries.
  let pendingTokens: TokenSource | undefined;
  let unreadsSubscription: Talk.Subscription | undefined;
  let onConnected: (() => void) | undefined;
  let readyWaiters: Array<[resolve: (session: Talk.Session) => void, reject: (error: Error) => void]> = [];

  const trace = (type: "transition" | "step", message: string, error?: SessionError, previous?: SessionStatus) => {
    const { debug } = options;
    if (typeof debug === "function") debug({ type, status: state.status, previous, message, error });
    else if (debug) console.debug(`[talk-session] ${state.status}: ${message}`);
  };

  const setState = (next: SessionState) => {
    state = Object.freeze(next);
    for (const listener of listeners) listener();
  };

  // Every status change goes through here, so the trace sees all of them.
  const transition = (next: SessionState, message: string) => {
    const previous = state.status;
    setState(next);
    trace("transition", message, next.error, previous);
    const waiters = next.status === "ready" || next.status === "destroyed" ? readyWaiters : [];
    if (waiters.length > 0) readyWaiters = [];
    for (const [resolve, reject] of waiters) {
      if (next.session) resolve(next.session);
      else reject(destroyedError());
    }
  };

  const report = (error: SessionError) => {
    trace("step", error.message, error);
    void events.emit("error", error);
  };

  const events = createEventHub(report);

  const disposeSession = () => {
    events.detach();
    unreadsSubscription?.unsubscribe();
    tokens?.dispose();
    pendingTokens?.dispose();
    const current = session;
    session = sessionUserKey = tokens = pendingTokens = unreadsSubscription = undefined;
    try {
      if (current?.isAlive) current.destroy();
    } catch {
      // Already torn down inside the SDK; nothing left to release.
    }
  };

  const fail = (error: SessionError) => {
    disposeSession();
    transition({ ...state, status: "error", session: undefined, error }, error.message);
    void events.emit("error", error);
  };

  const applyDesktopNotifications = () => {
    const current = session;
    const enabled = options.desktopNotificationsEnabled;
    if (!current || enabled === undefined) return;
    current.setDesktopNotificationEnabled(enabled).catch((cause: unknown) => {
      if (session !== current) return;
      report(
        new SessionError(
          "desktop-notifications-failed",
          `Desktop notifications could not be ${enabled ? "enabled" : "disabled"} (permission denied or unsupported); the session keeps working.`,
          { cause },
        ),
      );
    });
  };

  const warnAboutSignature = () => {
    if (process.env.NODE_ENV !== "production" && options.signature !== undefined && !warnedAboutSignature) {
      warnedAboutSignature = true;
      console.warn(
        `[talk-session] "signature" (legacy HMAC authentication) is deprecated by TalkJS: signatures never expire. Use "token" or "tokenFetcher".`,
      );
    }
  };

  const run = async (current: number) => {
    const stale = () => current !== attempt;
    const source = createTokenSource(() => options);
    pendingTokens = source;
    const wantsToken = () => options.token !== undefined || options.tokenFetcher !== undefined;
    // The first token is fetched while the SDK script loads, not after.
    let firstToken = wantsToken() ? source.get() : undefined;
    firstToken?.catch(() => {}); // Awaited below; this only keeps a failed load from leaving it unhandled.

    const loaded = talk ?? (await loadTalk(options.talk, options.loadTimeoutMs));
    if (stale()) return;
    if (!talk) trace("step", "sdk ready");
    talk = loaded;

    if (!firstToken && wantsToken()) firstToken = source.get();
    const token = await firstToken;
    // Released during the grace period: build nothing until someone connects again.
    if (!stale() && connections === 0) await new Promise<void>((resolve) => (onConnected = resolve));
    onConnected = undefined;
    if (stale()) {
      source.dispose();
      return;
    }

    let me: Talk.User | undefined;
    try {
      me = typeof options.syncUser === "function" ? options.syncUser() : options.syncUser;
      session = new loaded.Session({
        appId: options.appId,
        ...(me ? { me } : { userId: options.userId }),
        ...(token !== undefined && { token }),
        ...(wantsToken() && { tokenFetcher: () => refreshToken(source, current) }),
        // Still supported by TalkJS and by this option (with a one-time warning); the deprecation is the point of that warning.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        ...(options.signature !== undefined && { signature: options.signature }),
      });
    } catch (cause) {
      source.dispose();
      throw new SessionError(
        "session-create-failed",
        `TalkJS refused to create the session (see cause). Check "appId" and the user, then call retry().`,
        { cause },
      );
    }
    const created = session;
    sessionUserKey = me && userKey(me);
    tokens = source;
    pendingTokens = undefined;
    events.attach(created);
    unreadsSubscription = created.unreads.onChange((unreads) => {
      setState({ ...state, unreads });
      void events.emit("unreadsChange", unreads);
    });
    // The `talk` option takes any talkjs-shaped module, so guard members a partial or older SDK build may lack.
    transition(
      { ...state, status: "ready", session: created },
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      `session created for user "${created.me?.id ?? options.userId}"`,
    );
    applyDesktopNotifications();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    created.hasValidCredentials?.().then(
      (valid) => {
        if (!valid && session === created) {
          fail(
            new SessionError(
              "session-create-failed",
              `TalkJS refused app "${options.appId}" or the user's credentials. Check "appId" and the token or signature, then call retry().`,
            ),
          );
        }
      },
      () => {},
    );
  };

  const start = (reason: string) => {
    const current = ++attempt;
    disposeSession();
    transition({ ...idle, status: "loading" }, reason);
    run(current).catch((error: unknown) => {
      if (current !== attempt) return;
      fail(
        error instanceof SessionError
          ? error
          : new SessionError("session-create-failed", "Creating the TalkJS session failed (see cause).", {
              cause: error,
            }),
      );
    });
  };

  const refreshToken = (source: TokenSource, current: number) => {
    const refreshed = source.get();
    refreshed.then(
      () => trace("step", "token refreshed"),
      (error: unknown) => {
        if (current === attempt && error instanceof SessionError) fail(error);
      },
    );
    return refreshed;
  };

  const mustRecreate = (previous: ResolvedOptions) => {
    if (
      previous.appId !== options.appId ||
      previous.userId !== options.userId ||
      previous.signature !== options.signature
    )
      return true;
    const { syncUser } = options;
    // Before the session exists the latest syncUser is used anyway; after, compare data, not identity.
    if (previous.syncUser === syncUser || !syncUser || sessionUserKey === undefined) return false;
    try {
      return userKey(typeof syncUser === "function" ? syncUser() : syncUser) !== sessionUserKey;
    } catch {
      return true;
    }
  };

  const release = () => {
    if (--connections > 0 || state.status === "destroyed") return;
    // One grace period lets a StrictMode remount or a route flicker reuse the session.
    releaseTimer = timers.setTimeout(() => {
      if (connections > 0) return;
      attempt++;
      onConnected = undefined;
      disposeSession();
      transition(idle, "released: no connection left");
    }, options.keepAliveMs ?? 0);
  };

  const controller: SessionController = {
    getState: () => state,
    subscribe(listener) {
      listeners = [...listeners, listener];
      return () => {
        listeners = listeners.filter((candidate) => candidate !== listener);
      };
    },
    on: (name, handler) => (state.status === "destroyed" ? () => {} : events.on(name, handler)),
    connect() {
      if (state.status === "destroyed") {
        if (process.env.NODE_ENV !== "production")
          console.warn("[talk-session] connect() on a destroyed controller does nothing; create a new one.");
        return () => {};
      }
      connections++;
      timers.clearTimeout(releaseTimer);
      onConnected?.();
      if (state.status === "idle") start("connected");
      let released = false;
      return () => {
        if (!released) release();
        released = true;
      };
    },
    setOptions(next) {
      if (state.status === "destroyed") return;
      const previous = options;
      options = validateSessionOptions(next);
      warnAboutSignature();
      if (options.talk !== previous.talk) talk = undefined;
      if (options.token !== previous.token) tokens?.tokenChanged();
      const { status } = state;
      if (status === "idle") return;
      if (mustRecreate(previous)) start("options changed: new session");
      else if (status === "error" && options.token !== previous.token) start("new token after an error");
      else if (options.desktopNotificationsEnabled !== previous.desktopNotificationsEnabled)
        applyDesktopNotifications();
    },
    whenReady() {
      if (state.session) return Promise.resolve(state.session);
      if (state.status === "destroyed") return Promise.reject(destroyedError());
      return new Promise((resolve, reject) => readyWaiters.push([resolve, reject]));
    },
    retry() {
      if (state.status !== "error") return;
      if (connections > 0) start("retry");
      else transition(idle, "retry with no connection: idle until the next connect()");
    },
    destroy() {
      if (state.status === "destroyed") return;
      attempt++;
      timers.clearTimeout(releaseTimer);
      onConnected = undefined;
      disposeSession();
      transition({ ...idle, status: "destroyed" }, "destroyed");
      events.clear();
      listeners = [];
    },
  };
  errorReporters.set(controller, report);
  warnAboutSignature();
  return controller;
}
