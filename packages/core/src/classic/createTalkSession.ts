import { dev } from "../machine/dev";
import type Talk from "talkjs";
import { errorReporters } from "../machine/errorReporters";
import { createEventHub } from "../machine/eventHub";
import { jwtClaims } from "../machine/jwtClaims";
import { loadTalk } from "./loadTalk";
import { lingering, ownedControllers } from "../machine/ownedControllers";
import { SessionError } from "../machine/SessionError";
import { later } from "../machine/timers";
import { createTokenSource, type TokenSource } from "../machine/tokenSource";
import type { SessionController, SessionOptions, SessionState, SessionStatus, TalkModule } from "./types";
import { contentKey } from "../machine/contentKey";
import { validateSessionOptions, type ResolvedOptions } from "./validateOptions";

const stateOf = (
  status: SessionStatus,
  session?: Talk.Session,
  error?: SessionError,
  unreads?: SessionState["unreads"],
): SessionState => Object.freeze({ status, session, unreads, error });
const idle = /* @__PURE__ */ stateOf("idle");
const noop = () => {};
let warnedAboutSignature = false;

const destroyedError = () =>
  new Error(
    dev ? "This TalkJS session controller was destroyed; create a new one with createTalkSession()." : "destroyed",
  );

const createFailed = (message: string | false, cause?: unknown) =>
  new SessionError("session-create-failed", message, { cause });

const asSessionError = (error: unknown) =>
  error instanceof SessionError ? error : createFailed(dev && "Creating the TalkJS session failed (see cause).", error);

/** The user the options name, as TalkJS gets it: a synced `Talk.User`, or `undefined` for a `userId`. */
const resolveUser = ({ syncUser }: ResolvedOptions): Talk.User | undefined =>
  typeof syncUser == "function" ? syncUser() : syncUser;

/** The key a user is compared by: the data of a synced user, the id otherwise. */
const keyOf = (options: ResolvedOptions, user = resolveUser(options)): string =>
  user ? contentKey(user) : `id:${options.userId}`;

const tryKeyOf = (options: ResolvedOptions): string => {
  try {
    return keyOf(options);
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
  // The current attempt at building a session. Everything asynchronous an attempt starts checks, when it resumes,
  // that its signal has not aborted; ending an attempt aborts it, which also stops its token fetches, retries and
  // waits. So an attempt that is no longer current can do nothing.
  let attempt: AbortController | undefined;
  // The current attempt's token source, session and unreads subscription, and the wake-up of its build when that
  // waits for a connection (everything was released during the grace period).
  let tokens: TokenSource | undefined;
  let live: Talk.Session | undefined;
  let unreadsSubscription: Talk.Subscription | undefined;
  let wake: (() => void) | undefined;
  // The key of the user the latest attempt resolved: what a new `syncUser` is compared with.
  let builtFor: string | undefined;
  let sdk: TalkModule | undefined;
  let sdkFrom: ResolvedOptions["talk"];
  let connections = 0;
  let releaseTimer: ReturnType<typeof setTimeout> | undefined;
  const queue: Array<[next: SessionState, previous: SessionState, message: string | undefined]> = [];
  let notifying = false;
  const waiters: Array<[resolve: (session: Talk.Session) => void, reject: (error: Error) => void]> = [];

  const destroyed = () => state.status == "destroyed";

  const trace = (message: string, { status, error }: SessionState, previous?: SessionState) => {
    const { debug } = options;
    if (typeof debug == "function")
      debug({ type: previous ? "transition" : "step", status, previous: previous?.status, message, error });
    else if (debug) console.debug(`[talk-session] ${status}: ${message}`);
  };
  const step = (message: string) => trace(message, state);

  const report = (error: SessionError) => {
    step(error.message);
    void events.emit("error", error);
  };
  const events = createEventHub(report);
  // subscribe() listeners: a hub of their own, never attached to a session, so they share the fan-out's rules (a
  // listener removed during a notification is skipped, a throwing one is reported and the others still run).
  const changes = createEventHub<{ state: (change: [next: SessionState, previous: SessionState]) => void }>(report);

  // The mailbox: a change made from inside a listener (or the trace) is queued, so every listener hears every
  // change in order. Waiters settle once the queue is empty, from the state as it is then.
  const notify = () => {
    if (notifying) return;
    notifying = true;
    try {
      for (let news; (news = queue.shift());) {
        const [next, previous, message] = news;
        if (message) trace(message, next, previous);
        void changes.emit("state", [next, previous]);
      }
    } finally {
      notifying = false;
    }
    const { session } = state;
    if (destroyed()) changes.clear();
    if (session || destroyed())
      for (const [resolve, reject] of waiters.splice(0)) {
        if (session) resolve(session);
        else reject(destroyedError());
      }
  };

  /** Every state change goes through here; a `message` marks a status change, which the trace reports. */
  const setState = (next: SessionState, message?: string) => {
    queue.push([next, state, message]);
    state = next;
    notify();
  };

  /** Ends the current attempt: aborts what it still waits for and destroys its session. */
  const end = () => {
    const [ended, session, unreads, woken] = [attempt, live, unreadsSubscription, wake];
    attempt = live = unreadsSubscription = wake = undefined;
    ended?.abort();
    woken?.();
    events.attach(undefined);
    unreads?.unsubscribe();
    try {
      if (session?.isAlive) session.destroy();
    } catch {
      // Already torn down inside the SDK; nothing left to release.
    }
  };

  const fail = (error: SessionError) => {
    end();
    setState(stateOf("error", undefined, error), error.message);
    void events.emit("error", error);
  };

  const applyDesktopNotifications = () => {
    const enabled = options.desktopNotificationsEnabled;
    const signal = attempt?.signal;
    if (live && enabled !== undefined)
      live.setDesktopNotificationEnabled(enabled).catch((cause: unknown) => {
        if (!signal?.aborted)
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

  /** The steps of one attempt. After every wait: has this attempt ended? Then it does nothing more. */
  const build = async ({ signal }: AbortController, source: TokenSource) => {
    // A function, not the property: every wait below may have ended the attempt.
    const stale = () => signal.aborted;
    // After every wait: throws once the attempt has ended, and start() ignores what an ended attempt throws.
    const check = () => signal.throwIfAborted();
    const startedWith = options;
    const restart = () => start(dev ? "the user changed while loading: new token" : "user changed");
    // The first token is fetched while the SDK script loads, not after.
    let token = source.get();
    token?.catch(noop); // Awaited below; this only keeps a failed load from leaving it unhandled.
    check(); // A synchronous tokenFetcher may have ended this attempt already.

    // The latest `talk` option wins, even one passed while the previous one was loading.
    while (!sdk || sdkFrom !== options.talk) {
      const from = options.talk;
      const module = await loadTalk(from, options.loadTimeoutMs);
      check();
      sdk = module;
      sdkFrom = from;
      step("sdk ready");
    }
    // Released during the grace period: build nothing until someone connects again.
    if (!connections) await new Promise<void>((resolve) => (wake = resolve));
    check();

    let me: Talk.User | undefined;
    try {
      me = resolveUser(options);
    } catch (cause) {
      throw createFailed(dev && `"syncUser" threw (see cause). Fix it, then call retry().`, cause);
    }
    check(); // syncUser may have called back into this controller.
    builtFor = keyOf(options, me);
    // A token fetched for another user (the user changed while the SDK loaded) is of no use: start over. The users
    // themselves tell, or else the JWT's `sub`; an opaque token for an unchanged user goes to TalkJS, which decides.
    const userMoved = startedWith.syncUser !== options.syncUser || startedWith.userId !== options.userId;
    const otherUser = token && userMoved && tryKeyOf(startedWith) != builtFor;
    check(); // The previous syncUser, called to compare, may have called back too.
    if (otherUser) restart(); // Ends this attempt.
    check();

    // A `token` passed meanwhile replaces the one the attempt started with.
    if (!token || startedWith.token !== options.token) token = source.get();
    const first = await token;
    check();
    const subject = first && jwtClaims(first).sub;
    if (userMoved && subject !== undefined && subject !== (me?.id ?? options.userId)) restart();
    check();

    const settings = {
      appId: options.appId,
      me,
      userId: options.userId,
      token: first,
      signature: options.signature,
      tokenFetcher:
        options.token || options.tokenFetcher
          ? () => {
              const refreshed = source.get(true) as Promise<string>;
              refreshed.then(
                () => stale() || step("token refreshed"),
                (error: unknown) => stale() || fail(asSessionError(error)),
              );
              return refreshed;
            }
          : undefined,
    };
    // A component's own controller ends the grace of another one's session for this user: never two alive.
    const appAndUser = `${options.appId}\n${me?.id ?? options.userId}`;
    if (ownedControllers.has(controller))
      for (const [other, [otherUser, letGo]] of lingering) if (other != controller && otherUser == appAndUser) letGo();
    check(); // Ending the other one ran its listeners, which may have called back into this controller.
    let session: Talk.Session;
    try {
      // Only what is set: TalkJS checks which of these it got.
      session = live = new sdk.Session(
        Object.fromEntries(
          Object.entries(settings).filter(([, value]) => value !== undefined),
        ) as unknown as Talk.SessionOptions,
      );
    } catch (cause) {
      throw createFailed(
        dev && `TalkJS refused to create the session (see cause). Check "appId" and the user, then call retry().`,
        cause,
      );
    }
    events.attach(session);
    unreadsSubscription = session.unreads.onChange((unreads) => {
      if (stale()) return;
      setState(Object.freeze({ ...state, unreads }));
      void events.emit("unreadsChange", unreads);
    });
    setState(
      stateOf("ready", session),
      // The `talk` option takes any talkjs-shaped module, so guard members a partial or older SDK build may lack.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
      dev ? `session created for user "${session.me?.id ?? options.userId}"` : "ready",
    );
    check();
    applyDesktopNotifications();
    // The `talk` option takes any talkjs-shaped module: a partial or older SDK build may lack this check.
    (session as { hasValidCredentials?: () => Promise<boolean> }).hasValidCredentials?.().then((valid) => {
      if (!valid && !stale())
        fail(
          createFailed(
            dev &&
              `TalkJS refused app "${options.appId}" or the user's credentials. Check "appId" and the token or signature, then call retry().`,
          ),
        );
    }, noop);
  };

  const start = (reason: string) => {
    if (destroyed()) return;
    end();
    const started = (attempt = new AbortController());
    const source = (tokens = createTokenSource(() => options, started.signal, step));
    builtFor = undefined;
    setState(stateOf("loading"), reason);
    // A listener may have moved on already (destroy, release, another user): then this attempt never starts.
    if (!started.signal.aborted)
      build(started, source).catch((error: unknown) => started.signal.aborted || fail(asSessionError(error)));
  };

  /** Whether the options name another user than the one the session is (being) built for. */
  const userChanged = (previous: ResolvedOptions) =>
    previous.userId !== options.userId ||
    // Compare data, not function identity; before a user was resolved the build resolves the latest one itself.
    (previous.syncUser !== options.syncUser && builtFor !== undefined && tryKeyOf(options) != builtFor);

  const controller: SessionController = {
    getState: () => state,
    subscribe: (listener) => (destroyed() ? noop : changes.on("state", ([next, previous]) => listener(next, previous))),
    on: (name, handler) => (destroyed() ? noop : events.on(name, handler)),
    connect() {
      if (destroyed()) {
        if (dev) console.warn("[talk-session] connect() on a destroyed controller does nothing; create a new one.");
        return noop;
      }
      connections++;
      clearTimeout(releaseTimer);
      lingering.delete(controller);
      wake?.();
      if (state.status == "idle") start("connected");
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--connections > 0 || destroyed()) return;
        // One grace period lets a StrictMode remount or a route flicker reuse the session.
        const letGo = () => {
          clearTimeout(releaseTimer);
          lingering.delete(controller);
          if (connections) return;
          if (ownedControllers.has(controller)) controller.destroy();
          else {
            end();
            if (state.status != "idle") setState(idle, dev ? "released: no connection left" : "released");
          }
        };
        releaseTimer = later(letGo, options.keepAliveMs ?? 0);
        if (ownedControllers.has(controller))
          lingering.set(controller, [`${options.appId}\n${live?.me.id ?? options.userId}`, letGo]);
      };
    },
    setOptions(next) {
      if (destroyed()) return;
      const previous = options;
      const latest = (options = validateSessionOptions(next));
      warnAboutSignature();
      if (options.token !== previous.token) tokens?.tokenChanged();
      const { status } = state;
      if (status == "idle") return;
      const recreate =
        previous.appId !== options.appId || previous.signature !== options.signature || userChanged(previous);
      // Comparing users runs syncUser, which may have called back in (setOptions, destroy): that call decided.
      if (options !== latest || state.status !== status) return;
      if (recreate) start(dev ? "options changed: new session" : "options");
      else if (status == "error" && options.token !== previous.token) start(dev ? "new token after an error" : "token");
      else if (options.desktopNotificationsEnabled !== previous.desktopNotificationsEnabled)
        applyDesktopNotifications();
    },
    whenReady: () =>
      state.session
        ? Promise.resolve(state.session)
        : destroyed()
          ? Promise.reject(destroyedError())
          : new Promise((resolve, reject) => waiters.push([resolve, reject])),
    retry() {
      if (state.status != "error") return;
      if (connections) start("retry");
      // Nobody can connect an owned controller again: it is done.
      else if (ownedControllers.has(controller)) controller.destroy();
      else setState(idle, dev ? "retry with no connection: idle until the next connect()" : "retry");
    },
    destroy() {
      if (destroyed()) return;
      clearTimeout(releaseTimer);
      lingering.delete(controller);
      end();
      // Handlers still to run in an ongoing emit are skipped, as removeEventListener does.
      events.clear();
      setState(stateOf("destroyed"), "destroyed");
    },
  };
  errorReporters.set(controller, report);
  warnAboutSignature();
  return controller;
}
