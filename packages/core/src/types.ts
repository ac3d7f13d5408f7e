import type Talk from "talkjs";
import type { SessionError } from "./SessionError";

/** The parts of the `talkjs` module the core uses: `ready`, `Session` and `User`. */
export type TalkModule = Pick<typeof Talk, "ready" | "Session" | "User">;

/** Every `Talk.Session` method named `on<Event>` that returns a subscription, e.g. `onMessage`. */
type SessionOnMethod = Exclude<Extract<keyof Talk.Session, `on${string}`>, "on">;

/** The `Talk.Session` event names, derived from the SDK's types: `message`, `desktopNotificationClicked`, ... */
export type TalkEventName = SessionOnMethod extends `on${infer Name}` ? Uncapitalize<Name> : never;

type HandlerOf<Method> = Method extends (handler: infer Handler) => unknown ? Handler : never;

/** Handlers for the `Talk.Session` events, with the SDK's own signatures. */
export type TalkEventHandlers = {
  [Name in TalkEventName]: HandlerOf<Talk.Session[`on${Capitalize<Name>}`]>;
};

/** Every event `on()` accepts: the SDK's events plus `unreadsChange` and `error`. */
export interface SessionEventHandlers extends TalkEventHandlers {
  unreadsChange: (unreads: Talk.UnreadConversation[]) => void;
  error: (error: SessionError) => void;
}

/** A name accepted by `SessionController.on`. */
export type SessionEventName = keyof SessionEventHandlers;

/** Where the session is in its life. */
export type SessionStatus = "idle" | "loading" | "ready" | "error" | "destroyed";

/** An immutable snapshot of the controller; a new object only when something changed. */
export interface SessionState {
  readonly status: SessionStatus;
  /** The live `Talk.Session`; set only while `ready`. */
  readonly session: Talk.Session | undefined;
  /** The latest unread conversations TalkJS reported; `undefined` until the first report. */
  readonly unreads: readonly Talk.UnreadConversation[] | undefined;
  /** Why the controller is in `error`; set only then. */
  readonly error: SessionError | undefined;
}

/** Backoff for `tokenFetcher` failures. `attempts` counts every call, the first included. */
export interface RetryOptions {
  /** Calls in all, the first included. Default 3. */
  attempts?: number;
  /** The delay before the first retry. Default 500 ms. */
  minDelayMs?: number;
  /** No delay grows past this. Default 8000 ms. */
  maxDelayMs?: number;
}

/** One entry of the `debug` trace. Tokens never appear in it. */
export interface DebugEntry {
  /** What happened: a status change or a step inside one. */
  readonly type: "transition" | "step";
  /** The status after this entry. */
  readonly status: SessionStatus;
  /** The status before a transition. */
  readonly previous?: SessionStatus;
  /** A short, token-free description: `"sdk loaded"`, `"token fetched"`, `"session created for user pete"`. */
  readonly message: string;
  readonly error?: SessionError;
}

/** Options shared by both ways of naming the user. */
export interface CommonSessionOptions {
  /** Your TalkJS app id, from the dashboard's Settings page. */
  appId: string;
  /** A token for standard (JWT) authentication. A new value reaches TalkJS at its next refresh. */
  token?: string;
  /** Fetches a fresh token from your backend; retried with backoff; always the latest one passed. */
  tokenFetcher?: () => string | Promise<string>;
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
  /** Grace period after the last release before the session is destroyed. Default: the next macrotask. */
  keepAliveMs?: number;
  /** The SDK: a module or a function that loads one. Default: `import("talkjs")`. */
  talk?: TalkModule | (() => Promise<TalkModule>);
  /** Trace every transition: `true` logs to the console; a function receives each entry. */
  debug?: boolean | ((entry: DebugEntry) => void);
}

/** A session for an existing user, named by id. */
export interface UserIdSessionOptions extends CommonSessionOptions {
  /** The id of the current user. */
  userId: string;
  syncUser?: never;
}

/** A session that creates or updates the user. */
export interface SyncUserSessionOptions extends CommonSessionOptions {
  /** A `Talk.User`, or a function returning one; a function is called only once the SDK is ready. */
  syncUser: Talk.User | (() => Talk.User);
  userId?: never;
}

/** Options of `createTalkSession` and `setOptions`: exactly one of `userId` or `syncUser`. */
export type SessionOptions = UserIdSessionOptions | SyncUserSessionOptions;

/** A TalkJS session's whole life: load, authenticate, create, refresh tokens, fan out events, destroy. */
// Function properties, not methods: the controller is closure-based, so `controller.subscribe` works detached.
export interface SessionController {
  /** The current snapshot; the same object until something changes. */
  getState: () => SessionState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
  /** Adds an event handler, kept across re-created sessions; returns the function that removes it. */
  on: <Name extends SessionEventName>(name: Name, handler: SessionEventHandlers[Name]) => () => void;
  /** Starts (or keeps) the session in use; returns this use's release, which is idempotent. */
  connect: () => () => void;
  /** Replaces every option; missing keys mean unset. Re-creates the session only when it must. */
  setOptions: (options: SessionOptions) => void;
  /** Resolves with the live session once ready; rejects once destroyed. */
  whenReady: () => Promise<Talk.Session>;
  /** Leaves `error` and tries again. */
  retry: () => void;
  /** Final: destroys the session, removes every listener and handler. Idempotent. */
  destroy: () => void;
}
