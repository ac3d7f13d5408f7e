import type Talk from "talkjs";
import type { SessionError } from "../machine/SessionError";

/**
 * The parts of the `talkjs` module the core uses (`ready`, `Session`, `User`): the type of the `talk`
 * option, which pins how the SDK is loaded or swaps in a fake.
 *
 * @example
 * const talk: () => Promise<TalkModule> = () => import("talkjs").then((module) => module.default);
 */
export type TalkModule = Pick<typeof Talk, "ready" | "Session" | "User">;

/** Every `Talk.Session` method named `on<Event>` that returns a subscription, e.g. `onMessage`. */
type SessionOnMethod = Exclude<Extract<keyof Talk.Session, `on${string}`>, "on">;

/**
 * A `Talk.Session` event name, derived from the SDK's `on<Event>` methods (`message`,
 * `desktopNotificationClicked`, ...), so a new SDK event appears here without a code change.
 *
 * @example
 * const name: TalkEventName = "desktopNotificationClicked";
 */
export type TalkEventName = SessionOnMethod extends `on${infer Name}` ? Uncapitalize<Name> : never;

type HandlerOf<Method> = Method extends (handler: infer Handler) => unknown ? Handler : never;

/**
 * Handlers for the `Talk.Session` events, keyed by event name, with the SDK's own signatures.
 *
 * @example
 * const onMessage: TalkEventHandlers["message"] = (message) => console.log(message.body);
 */
export type TalkEventHandlers = {
  [Name in TalkEventName]: HandlerOf<Talk.Session[`on${Capitalize<Name>}`]>;
};

/**
 * The handler of every event `SessionController.on` accepts: the SDK's events plus `unreadsChange` and `error`.
 *
 * @example
 * const onUnreadsChange: SessionEventHandlers["unreadsChange"] = (unreads) => console.log(unreads.length);
 */
export interface SessionEventHandlers extends TalkEventHandlers {
  unreadsChange: (unreads: Talk.UnreadConversation[]) => void;
  error: (error: SessionError) => void;
}

/**
 * A name accepted by `SessionController.on`: a `Talk.Session` event, `unreadsChange` or `error`.
 *
 * @example
 * const logged: SessionEventName[] = ["message", "unreadsChange", "error"];
 */
export type SessionEventName = keyof SessionEventHandlers;

/**
 * Where the session is in its life: `idle` until connected (and again after the last release),
 * `loading` while the SDK loads and authenticates, then `ready` or `error`; `destroyed` is final.
 *
 * @example
 * const isPending = (status: SessionStatus) => status === "idle" || status === "loading";
 */
export type SessionStatus = "idle" | "loading" | "ready" | "error" | "destroyed";

/**
 * An immutable snapshot of the controller from `getState()`; a new object only when something
 * changed, so it can be compared by identity.
 *
 * @example
 * const { status, unreads } = controller.getState();
 * if (status === "ready") console.log(`${unreads?.length ?? 0} unread conversations`);
 */
export interface SessionState {
  readonly status: SessionStatus;
  /** The live `Talk.Session`; set only while `ready`. */
  readonly session: Talk.Session | undefined;
  /** The latest unread conversations TalkJS reported; `undefined` until the first report. */
  readonly unreads: readonly Talk.UnreadConversation[] | undefined;
  /** Why the controller is in `error`; set only then. */
  readonly error: SessionError | undefined;
}

/**
 * Fetches a TalkJS token from your backend. It receives the `signal` of the attempt it serves, which aborts when
 * that attempt is no longer current (user switch, release, destroy): hand it to `fetch` to cancel the request.
 *
 * @example
 * const tokenFetcher: TokenFetcher = ({ signal }) => fetch("/talkjs-token", { signal }).then((response) => response.text());
 */
export type TokenFetcher = (context: { signal: AbortSignal }) => string | Promise<string>;

/**
 * Backoff for `tokenFetcher` failures: the delay doubles from `minDelayMs` up to `maxDelayMs`, with
 * jitter. `attempts` counts every call, the first included.
 *
 * @example
 * const retry: RetryOptions = { attempts: 5, minDelayMs: 250, maxDelayMs: 4000 };
 */
export interface RetryOptions {
  /** Calls in all, the first included. Default 3. */
  attempts?: number;
  /** The delay before the first retry. Default 500 ms, or `maxDelayMs` when that is smaller. */
  minDelayMs?: number;
  /** No delay grows past this. Default 8000 ms, or `minDelayMs` when that is larger. */
  maxDelayMs?: number;
}

/**
 * One entry of the `debug` trace, as a `debug` function receives it. Tokens never appear in it.
 *
 * @example
 * const debug = (entry: DebugEntry) => console.log(entry.previous, "->", entry.status, entry.message);
 */
export interface DebugEntry {
  /** What happened: a status change or a step inside one. */
  readonly type: "transition" | "step";
  /** The status after this entry. */
  readonly status: SessionStatus;
  /** The status before a transition. */
  readonly previous?: SessionStatus;
  /** A short, token-free description: `"sdk loaded"`, `"token fetched"`, `"session created for user pete"`. */
  readonly message: string;
  /** The error this entry reports, if any. */
  readonly error?: SessionError;
}

/**
 * Options shared by both ways of naming the user (`userId` or `syncUser`): app, authentication,
 * retries, timing, the SDK and tracing.
 *
 * @example
 * const common: CommonSessionOptions = { appId: "APP_ID", tokenFetcher: () => fetch("/token").then((r) => r.text()) };
 */
export interface CommonSessionOptions {
  /** Your TalkJS app id, from the dashboard's Settings page. */
  appId: string;
  /** A token for standard (JWT) authentication. A new value reaches TalkJS at its next refresh. */
  token?: string;
  /** Fetches a fresh token from your backend; retried with backoff; always the latest one passed. */
  tokenFetcher?: TokenFetcher;
  /** @deprecated Legacy HMAC signature of the user id. Use `token` or `tokenFetcher`. */
  signature?: string;
  /** Whether this device gets desktop notifications. Applied without re-creating the session. */
  desktopNotificationsEnabled?: boolean;
  /** Alias of `desktopNotificationsEnabled`, the name the official React SDK reads. */
  desktopNotificationEnabled?: boolean;
  /** Retry policy for `tokenFetcher`; `false` calls it once. */
  retry?: RetryOptions | false;
  /** How long to wait for the SDK script before failing with `sdk-load-timeout`. Default 15000 ms. */
  loadTimeoutMs?: number;
  /** Grace period after the last release before the session is destroyed. Default: the next macrotask. Longer than ~24.8 days counts as that. */
  keepAliveMs?: number;
  /** The SDK: a module or a function that loads one. Default: `import("talkjs")`. */
  talk?: TalkModule | (() => Promise<TalkModule>);
  /** Trace every transition: `true` logs to the console; a function receives each entry. */
  debug?: boolean | ((entry: DebugEntry) => void);
}

/**
 * Options for a session as a user who already exists in TalkJS, named by id.
 *
 * @example
 * const options: UserIdSessionOptions = { appId: "APP_ID", userId: "pete", token: "JWT" };
 */
export interface UserIdSessionOptions extends CommonSessionOptions {
  /** The id of the current user. */
  userId: string;
  syncUser?: never;
}

/**
 * Options for a session that creates or updates the current user from a `Talk.User` once the SDK is ready.
 *
 * @example
 * const syncUser = () => new Talk.User({ id: "pete", name: "Pete" });
 * const options: SyncUserSessionOptions = { appId: "APP_ID", syncUser, tokenFetcher };
 */
export interface SyncUserSessionOptions extends CommonSessionOptions {
  /** A `Talk.User`, or a function returning one; a function is called only once the SDK is ready. */
  syncUser: Talk.User | (() => Talk.User);
  userId?: never;
}

/**
 * Options of `createTalkSession` and `setOptions`: exactly one of `userId` or `syncUser`, enforced by
 * the type and checked again at run time.
 *
 * @example
 * const options: SessionOptions = { appId: "APP_ID", userId: "pete" };
 * controller.setOptions({ ...options, token: "JWT" });
 */
export type SessionOptions = UserIdSessionOptions | SyncUserSessionOptions;

/**
 * A TalkJS session's whole life: load, authenticate, create, refresh tokens, fan out events, destroy.
 * Made by `createTalkSession`; every adapter wraps one, so it can be shared across frameworks.
 *
 * @example
 * const release = controller.connect();
 * const off = controller.on("message", (message) => console.log(message.body));
 */
// Function properties, not methods: the controller is closure-based, so `controller.subscribe` works detached.
export interface SessionController {
  /** The current snapshot; the same object until something changes. */
  getState: () => SessionState;
  /**
   * Calls `listener(state, previous)` after every state change, in order, once the state has settled; returns the
   * unsubscribe function. A listener removed while others are being called is not called again.
   */
  subscribe: (listener: (state: SessionState, previous: SessionState) => void) => () => void;
  /** Adds an event handler, kept across re-created sessions; returns the function that removes it. */
  on: <Name extends SessionEventName>(name: Name, handler: SessionEventHandlers[Name]) => () => void;
  /** Starts (or keeps) the session in use; returns this use's release, which is idempotent. */
  connect: () => () => void;
  /**
   * Replaces every option; missing keys mean unset. Re-creates the session only when it must.
   * Throws a TypeError naming the option when one is invalid.
   */
  setOptions: (options: SessionOptions) => void;
  /** Resolves with the live session once ready; rejects once destroyed. */
  whenReady: () => Promise<Talk.Session>;
  /** Leaves `error` and tries again. */
  retry: () => void;
  /** Final: destroys the session, removes every listener and handler. Idempotent. */
  destroy: () => void;
}
