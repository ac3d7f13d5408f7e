import { dev } from "../machine/dev";
import { freeze, noop } from "../machine/timers";
import type Talk from "talkjs";
import { errorReporters } from "../machine/errorReporters";
import { jwtClaims } from "../machine/jwtClaims";
import { loadTalk } from "./loadTalk";
import { createSessionMachine, endOthersGrace, type Build } from "../machine/createSessionMachine";
import { SessionError } from "../machine/SessionError";
import type {
  SessionController,
  SessionEventHandlers,
  SessionOptions,
  SessionState,
  SessionStatus,
  TalkModule,
} from "./types";
import { contentKey } from "../machine/contentKey";
import { createSdkEventHub, type SdkEventHub } from "../machine/eventHub";
import { validateSessionOptions, type ResolvedOptions } from "./validateOptions";

const stateOf = (
  status: SessionStatus,
  session?: Talk.Session,
  error?: SessionError,
  unreads?: SessionState["unreads"],
): SessionState => freeze({ status, session, unreads, error });
let warnedAboutSignature = false;

const createFailed = (message: string | false, cause?: unknown) =>
  new SessionError("session-create-failed", message, { cause });

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
  // The current attempt's session and unreads subscription.
  let live: Talk.Session | undefined;
  let unreadsSubscription: Talk.Subscription | undefined;
  // The key of the user the latest attempt resolved: what a new `syncUser` is compared with.
  let builtFor: string | undefined;
  let sdk: TalkModule | undefined;
  let sdkFrom: ResolvedOptions["talk"];
  // The user the latest attempt resolved, and with the app, what another owned controller's session is matched by.
  let me: Talk.User | undefined;
  const appAndUser = () => `${options.appId}\n${me?.id ?? options.userId}`;

  /** The steps of one attempt. After every wait: has this attempt ended? Then it does nothing more. */
  const build: Build = async (signal, source, connected) => {
    // After every wait: throws once the attempt has ended, and the machine ignores what an ended attempt throws.
    const check = () => signal.throwIfAborted();
    // A function, not the property: every wait below may have ended the attempt.
    const stale = () => signal.aborted;
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
    await connected();
    check();

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
                (error: unknown) => stale() || fail(error as SessionError),
              );
              return refreshed;
            }
          : undefined,
    };
    // A component's own controller ends the grace of another one's session for this user: never two alive.
    endOthersGrace(controller, appAndUser());
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
      setState(freeze({ ...machine.getState(), unreads }));
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

  const [machine, events, setState, start, fail, report, step, tokens] = createSessionMachine<
    Talk.Session,
    SessionState,
    SessionEventHandlers,
    SdkEventHub
  >(
    () => options,
    stateOf,
    build,
    () => {
      const [session, unreads] = [live, unreadsSubscription];
      live = unreadsSubscription = undefined;
      events.attach(undefined);
      unreads?.unsubscribe();
      if (session?.isAlive) session.destroy();
    },
    appAndUser,
    () => (builtFor = undefined),
    createSdkEventHub,
  );

  const applyDesktopNotifications = () => {
    const enabled = options.desktopNotificationsEnabled;
    const session = live;
    if (session && enabled !== undefined)
      session.setDesktopNotificationEnabled(enabled).catch((cause: unknown) => {
        if (live === session)
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

  /** Whether the options name another user than the one the session is (being) built for. */
  const userChanged = (previous: ResolvedOptions) =>
    previous.userId !== options.userId ||
    // Compare data, not function identity; before a user was resolved the build resolves the latest one itself.
    (previous.syncUser !== options.syncUser && builtFor !== undefined && tryKeyOf(options) != builtFor);

  const controller: SessionController = Object.assign(machine, {
    setOptions(next: SessionOptions) {
      const { status } = machine.getState();
      if (status == "destroyed") return;
      const previous = options;
      const latest = (options = validateSessionOptions(next));
      warnAboutSignature();
      // A `debug` trace it writes may call back in: the check below sees what that changed.
      if (options.token !== previous.token) tokens()?.tokenChanged();
      if (status == "idle") return;
      const recreate =
        previous.appId !== options.appId || previous.signature !== options.signature || userChanged(previous);
      // Comparing users runs syncUser, which may have called back in (setOptions, destroy): that call decided.
      if (options !== latest || machine.getState().status !== status) return;
      if (recreate) start(dev ? "options changed: new session" : "options");
      else if (status == "error" && options.token !== previous.token) start(dev ? "new token after an error" : "token");
      else if (options.desktopNotificationsEnabled !== previous.desktopNotificationsEnabled)
        applyDesktopNotifications();
    },
  });
  errorReporters.set(controller, report);
  warnAboutSignature();
  return controller;
}
