import { dev } from "./dev";
import type Talk from "talkjs";
import { errorReporters } from "./errorReporters";
import { createEventHub } from "./eventHub";
import { jwtClaims } from "./jwtClaims";
import { loadTalk } from "./loadTalk";
import { SessionError } from "./SessionError";
import { later } from "./timers";
import { createTokenSource, type TokenSource } from "./tokenSource";
import type { SessionController, SessionOptions, SessionState, TalkModule } from "./types";
import { userKey } from "./userKey";
import { validateSessionOptions, type ResolvedOptions } from "./validateOptions";

type Listener = (state: SessionState, previous: SessionState) => void;

/**
 * One try at building a session, and that session's life. Everything asynchronous it starts checks, when it
 * resumes, that its attempt is still the current one; ending an attempt aborts its signal, which stops its token
 * fetches, retries and waits. So an attempt that is no longer current can do nothing.
 */
interface Attempt {
  readonly abort: AbortController;
  readonly tokens: TokenSource;
  /** The data of the user it builds for, once known (the SDK must be ready to resolve `syncUser`). */
  userKey?: string;
  session?: Talk.Session;
  unreads?: Talk.Subscription;
  /** Wakes a build that waits for a connection (everything was released during the grace period). */
  wake?: () => void;
}

const idle: SessionState = Object.freeze({ status: "idle", session: undefined, unreads: undefined, error: undefined });
const noop = () => {};
let warnedAboutSignature = false;

const destroyedError = () =>
  new Error(
    dev ? "This TalkJS session controller was destroyed; create a new one with createTalkSession()." : "destroyed",
  );

const asSessionError = (error: unknown) =>
  error instanceof SessionError
    ? error
    : new SessionError("session-create-failed", dev && "Creating the TalkJS session failed (see cause).", {
        cause: error,
      });

/** The user the options name, as TalkJS gets it: a synced `Talk.User`, or `undefined` for a `userId`. */
const resolveUser = ({ syncUser }: ResolvedOptions): Talk.User | undefined =>
  typeof syncUser === "function" ? syncUser() : syncUser;

/** The key a user is compared by: the data of a synced user, the id otherwise. */
const keyOf = (options: ResolvedOptions): string => {
  try {
    const user = resolveUser(options);
    return user ? userKey(user) : `id:${options.userId}`;
  } catch {
    return "unresolvable";
  }
};

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
  let current: Attempt | undefined;
  // The key of the user the latest attempt resolved: what a new `syncUser` is compared with.
  let builtFor: string | undefined;
  let sdk: { module: TalkModule; from: ResolvedOptions["talk"] } | undefined;
  let connections = 0;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<Listener>();
  const notifications: Array<[next: SessionState, previous: SessionState, message: string | undefined]> = [];
  let notifying = false;
  let waiters: Array<[resolve: (session: Talk.Session) => void, reject: (error: Error) => void]> = [];

  const trace = (message: string, { status, error }: SessionState, previous?: SessionState) => {
    const { debug } = options;
    const type = previous ? "transition" : "step";
    if (typeof debug === "function") debug({ type, status, previous: previous?.status, message, error });
    else if (debug) console.debug(`[talk-session] ${status}: ${message}`);
  };
  const step = (message: string) => trace(message, state);

  const report = (error: SessionError) => {
    step(error.message);
    void events.emit("error", error);
  };
  const events = createEventHub(report);

  // The mailbox: a change made from inside a listener (or the trace) is queued, so every listener hears every
  // change in order. Waiters settle once the queue is empty, from the state as it is then.
  const notify = () => {
    if (notifying) return;
    notifying = true;
    try {
      for (let news = notifications.shift(); news; news = notifications.shift()) {
        const [next, previous, message] = news;
        if (message !== undefined) trace(message, next, previous);
        for (const listener of [...listeners]) {
          if (!listeners.has(listener)) continue;
          try {
            listener(next, previous);
          } catch (cause) {
            report(new SessionError("handler-failed", dev && "A subscribe() listener threw (see cause).", { cause }));
          }
        }
      }
    } finally {
      notifying = false;
    }
    if (state.status === "destroyed") listeners.clear();
    const settled = state.session ?? (state.status === "destroyed" ? undefined : null);
    if (settled === null || waiters.length === 0) return;
    const settling = waiters;
    waiters = [];
    for (const [resolve, reject] of settling) {
      if (settled) resolve(settled);
      else reject(destroyedError());
    }
  };

  /** Every state change goes through here; a `message` marks a status change, which the trace reports. */
  const setState = (next: SessionState, message?: string) => {
    const previous = state;
    state = Object.freeze(next);
    notifications.push([state, previous, message]);
    notify();
  };
  const transition = setState;

  /** Ends the current attempt: aborts what it still waits for and destroys its session. */
  const end = () => {
    const attempt = current;
    current = undefined;
    if (!attempt) return;
    attempt.abort.abort();
    attempt.wake?.();
    events.detach();
    attempt.unreads?.unsubscribe();
    try {
      if (attempt.session?.isAlive) attempt.session.destroy();
    } catch {
      // Already torn down inside the SDK; nothing left to release.
    }
  };

  const fail = (error: SessionError) => {
    end();
    transition({ status: "error", session: undefined, unreads: undefined, error }, error.message);
    void events.emit("error", error);
  };

  const applyDesktopNotifications = (attempt: Attempt | undefined) => {
    const enabled = options.desktopNotificationsEnabled;
    if (!attempt?.session || enabled === undefined) return;
    attempt.session.setDesktopNotificationEnabled(enabled).catch((cause: unknown) => {
      if (attempt !== current) return;
      report(
        new SessionError(
          "desktop-notifications-failed",
          dev &&
            `Desktop notifications could not be ${enabled ? "enabled" : "disabled"} (permission denied or unsupported); the session keeps working.`,
          { cause },
        ),
      );
    });
  };

  const warnAboutSignature = () => {
    if (dev && options.signature !== undefined && !warnedAboutSignature) {
      warnedAboutSignature = true;
      console.warn(
        `[talk-session] "signature" (legacy HMAC authentication) is deprecated by TalkJS: signatures never expire. Use "token" or "tokenFetcher".`,
      );
    }
  };

  const wantsToken = () => options.token !== undefined || options.tokenFetcher !== undefined;

  const refresh = (attempt: Attempt) => {
    const token = attempt.tokens.refresh();
    token.then(
      () => attempt === current && step("token refreshed"),
      (error: unknown) => attempt === current && fail(asSessionError(error)),
    );
    return token;
  };

  /** The steps of one attempt. After every wait: is this attempt still current? If not, it does nothing more. */
  const build = async (attempt: Attempt) => {
    const stale = () => attempt !== current;
    const startedWith = options;
    // The first token is fetched while the SDK script loads, not after.
    let token = attempt.tokens.first();
    token?.catch(noop); // Awaited below; this only keeps a failed load from leaving it unhandled.
    if (stale()) return; // A synchronous tokenFetcher may have ended this attempt already.

    // The latest `talk` option wins, even one passed while the previous one was loading.
    while (sdk?.from !== options.talk || !sdk) {
      const from = options.talk;
      const module = await loadTalk(from, options.loadTimeoutMs);
      if (stale()) return;
      sdk = { module, from };
      step("sdk ready");
    }
    // Released during the grace period: build nothing until someone connects again.
    if (connections === 0) await new Promise<void>((resolve) => (attempt.wake = resolve));
    if (stale()) return;

    let me: Talk.User | undefined;
    try {
      me = resolveUser(options);
    } catch (cause) {
      throw new SessionError(
        "session-create-failed",
        dev && `"syncUser" threw (see cause). Fix it, then call retry().`,
        {
          cause,
        },
      );
    }
    if (stale()) return; // syncUser may have called back into this controller.
    builtFor = attempt.userKey = me ? userKey(me) : `id:${options.userId}`;
    // A token fetched for another user (the user changed while the SDK loaded) is of no use: start over. The users
    // themselves tell, or else the JWT's `sub`; an opaque token for an unchanged user goes to TalkJS, which decides.
    const userMoved = startedWith.syncUser !== options.syncUser || startedWith.userId !== options.userId;
    const restart = dev ? "the user changed while loading: new token" : "user changed";
    const otherUser = token && userMoved && keyOf(startedWith) !== attempt.userKey;
    if (stale()) return; // The previous syncUser, called to compare, may have called back too.
    if (otherUser) {
      start(restart);
      return;
    }
    // A `token` passed meanwhile replaces the one the attempt started with.
    if (!token || startedWith.token !== options.token) token = wantsToken() ? attempt.tokens.first() : undefined;
    const first = await token;
    if (stale()) return;
    const subject = first === undefined ? undefined : jwtClaims(first).sub;
    if (userMoved && subject !== undefined && subject !== (me?.id ?? options.userId)) {
      start(restart);
      return;
    }

    let session: Talk.Session;
    try {
      session = new sdk.module.Session({
        appId: options.appId,
        ...(me ? { me } : { userId: options.userId }),
        ...(first !== undefined && { token: first }),
        ...(wantsToken() && { tokenFetcher: () => refresh(attempt) }),
        // Still supported by TalkJS and by this option (with a one-time warning); the deprecation is the point of that warning.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        ...(options.signature !== undefined && { signature: options.signature }),
      });
    } catch (cause) {
      throw new SessionError(
        "session-create-failed",
        dev && `TalkJS refused to create the session (see cause). Check "appId" and the user, then call retry().`,
        { cause },
      );
    }
    attempt.session = session;
    events.attach(session);
    attempt.unreads = session.unreads.onChange((unreads) => {
      if (stale()) return;
      setState({ ...state, unreads });
      void events.emit("unreadsChange", unreads);
    });
    // The `talk` option takes any talkjs-shaped module, so guard members a partial or older SDK build may lack.
    transition(
      { status: "ready", session, unreads: undefined, error: undefined },
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      `session created for user "${session.me?.id ?? options.userId}"`,
    );
    if (stale()) return;
    applyDesktopNotifications(attempt);
    // The `talk` option takes any talkjs-shaped module: a partial or older SDK build may lack this check.
    const credentials = session as { hasValidCredentials?: () => Promise<boolean> };
    credentials.hasValidCredentials?.call(session).then((valid) => {
      if (valid || stale()) return;
      fail(
        new SessionError(
          "session-create-failed",
          dev &&
            `TalkJS refused app "${options.appId}" or the user's credentials. Check "appId" and the token or signature, then call retry().`,
        ),
      );
    }, noop);
  };

  const start = (reason: string) => {
    if (state.status === "destroyed") return;
    end();
    const abort = new AbortController();
    const attempt: Attempt = { abort, tokens: createTokenSource(() => options, abort.signal, step) };
    current = attempt;
    builtFor = undefined;
    transition({ ...idle, status: "loading" }, reason);
    // A listener may have moved on already (destroy, release, another user): then this attempt never starts.
    if (attempt === current)
      build(attempt).catch((error: unknown) => attempt === current && fail(asSessionError(error)));
  };

  /** Whether the options name another user than the one the session is (being) built for. */
  const userChanged = (previous: ResolvedOptions) => {
    if (previous.userId !== options.userId) return true;
    if (previous.syncUser === options.syncUser) return false;
    // Compare data, not function identity; before a user was resolved the build resolves the latest one itself.
    return builtFor !== undefined && keyOf(options) !== builtFor;
  };

  const release = () => {
    if (--connections > 0 || state.status === "destroyed") return;
    // One grace period lets a StrictMode remount or a route flicker reuse the session.
    releaseTimer = later(() => {
      if (connections > 0) return;
      end();
      if (state.status !== "idle") transition(idle, dev ? "released: no connection left" : "released");
    }, options.keepAliveMs ?? 0);
  };

  const controller: SessionController = {
    getState: () => state,
    subscribe(listener) {
      if (state.status === "destroyed") return noop;
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    on: (name, handler) => (state.status === "destroyed" ? noop : events.on(name, handler)),
    connect() {
      if (state.status === "destroyed") {
        if (dev) console.warn("[talk-session] connect() on a destroyed controller does nothing; create a new one.");
        return noop;
      }
      connections++;
      clearTimeout(releaseTimer);
      current?.wake?.();
      if (state.status === "idle") start("connected");
      let released = false;
      return () => {
        if (released) return;
        released = true;
        release();
      };
    },
    setOptions(next) {
      if (state.status === "destroyed") return;
      const previous = options;
      const latest = (options = validateSessionOptions(next));
      warnAboutSignature();
      if (options.token !== previous.token) current?.tokens.tokenChanged();
      const { status } = state;
      if (status === "idle") return;
      const recreate =
        previous.appId !== options.appId || previous.signature !== options.signature || userChanged(previous);
      // Comparing users runs syncUser, which may have called back in (setOptions, destroy): that call decided.
      if (options !== latest || state.status !== status) return;
      if (recreate) start(dev ? "options changed: new session" : "options");
      else if (status === "error" && options.token !== previous.token)
        start(dev ? "new token after an error" : "token");
      else if (options.desktopNotificationsEnabled !== previous.desktopNotificationsEnabled)
        applyDesktopNotifications(current);
    },
    whenReady() {
      if (state.session) return Promise.resolve(state.session);
      if (state.status === "destroyed") return Promise.reject(destroyedError());
      return new Promise((resolve, reject) => waiters.push([resolve, reject]));
    },
    retry() {
      if (state.status !== "error") return;
      if (connections > 0) start("retry");
      else transition(idle, dev ? "retry with no connection: idle until the next connect()" : "retry");
    },
    destroy() {
      if (state.status === "destroyed") return;
      clearTimeout(releaseTimer);
      end();
      // Handlers still to run in an ongoing emit are skipped, as removeEventListener does.
      events.clear();
      transition({ ...idle, status: "destroyed" }, "destroyed");
    },
  };
  errorReporters.set(controller, report);
  warnAboutSignature();
  return controller;
}
