import type * as TalkCore from "@talkjs/core";
import type {
  ConversationFilter,
  ConversationSnapshot,
  MessageRef,
  MessageSnapshot,
  ParticipantSnapshot,
  SendMessageParams,
  SendTextMessageParams,
  SetUserParams,
  TalkSession,
  TypingSnapshot,
  UserOnlineSnapshot,
  UserSnapshot,
} from "@talkjs/core";
import type { DebugEntry, RetryOptions, SessionStatus, TokenFetcher } from "../classic/types";
import type { SessionError } from "../machine/SessionError";

/**
 * The parts of the `@talkjs/core` module the data controller uses: the type of the `core` option, which pins how
 * it is loaded or swaps in a fake (`createFakeCore()` from `@x/session-testing`).
 *
 * @example
 * const core: () => Promise<CoreModule> = () => import("@talkjs/core");
 */
export type CoreModule = Pick<typeof TalkCore, "getTalkSession">;

/**
 * Options of `createDataSession`: the app and user, how tokens are had, and the lifecycle knobs of the classic
 * controller (`retry`, `keepAliveMs`, `debug`) with the same meanings.
 *
 * @example
 * const options: DataSessionOptions = { appId: "APP_ID", userId: "pete", tokenFetcher };
 */
export interface DataSessionOptions {
  /** Your TalkJS app id; required, non-empty. */
  appId: string;
  /** The current user's id; required, non-empty. A change ends the TalkJS session and starts one for the new user. */
  userId: string;
  /** The current user's data, applied with TalkJS's `currentUser.set()` on every new session and when it changes. */
  syncUser?: SetUserParams;
  /** A TalkJS JWT; a newer one is handed to TalkJS when it next asks (`onNeedToken`). */
  token?: string;
  /** Refreshable tokens: always the latest function; concurrent asks share one call; failures retried with backoff. */
  tokenFetcher?: TokenFetcher;
  /** Backoff for token fetches and for tokens TalkJS refuses; `attempts` counts every try. `false`: one try. */
  retry?: RetryOptions | false;
  /** Grace after the last `connect()` (and the last query subscriber) before the TalkJS session ends. */
  keepAliveMs?: number;
  /** A trace of transitions (`true`: `console.debug`); tokens never appear in it. */
  debug?: boolean | ((entry: DebugEntry) => void);
  /** `@talkjs/core` itself, or a function that loads it; default: `() => import("@talkjs/core")`. */
  core?: CoreModule | (() => Promise<CoreModule>);
}

/**
 * An immutable snapshot of a data controller from `getState()`: a new object only when something changed.
 *
 * @example
 * const { status, session } = talk.getState();
 * if (status === "ready") session.currentUser.set({ name: "Pete" });
 */
export interface DataSessionState {
  readonly status: SessionStatus;
  /** The live TalkJS session; set only while `ready`. */
  readonly session: TalkSession | undefined;
  /** Why the controller is in `error`; set only then. */
  readonly error: SessionError | undefined;
}

/** Where a live query is: `idle` with nobody subscribed (or no id), `loading` until TalkJS's first snapshot. */
export type LiveQueryStatus = "idle" | "loading" | "ready" | "error";

/**
 * An immutable snapshot of a live query: TalkJS's own snapshot as `data` (`null` where TalkJS says the user may not
 * see it or it does not exist), and whether a paged query holds everything.
 *
 * @example
 * const { status, data, loadedAll } = talk.conversations().getState();
 */
export interface LiveQueryState<Data> {
  readonly status: LiveQueryStatus;
  /** TalkJS's latest snapshot; kept while a recreated session of the same user loads again. */
  readonly data: Data | undefined;
  /** Paged queries: `true` once TalkJS says there is nothing more to load. */
  readonly loadedAll: boolean;
  /** Why the query is in `error` (`session-terminated`, `query-failed`, ...); set only then. */
  readonly error: SessionError | undefined;
}

/**
 * A message sent with `talk.send()` that TalkJS's snapshot does not hold yet: shown at once (`sending`), kept as
 * `failed` (with the reason) until `resend(key)` or `discard(key)`.
 *
 * @example
 * const retryable = state.pending.filter((entry) => entry.status === "failed");
 */
export interface PendingMessage {
  /** Stable while the entry lives: a list key, and what `resend`/`discard` take. */
  readonly key: string;
  readonly conversationId: string;
  /** The text sent (for `SendMessageParams`, its text or "" when it sends other content). */
  readonly text: string;
  readonly params: string | SendTextMessageParams | SendMessageParams;
  readonly createdAt: number;
  readonly status: "sending" | "failed";
  readonly error?: SessionError;
}

/** A messages query's state: the live messages, and the sends TalkJS has not shown yet. */
export interface MessagesState extends LiveQueryState<MessageSnapshot[] | null> {
  readonly pending: readonly PendingMessage[];
}

/**
 * A live query: one TalkJS subscription shared by every subscriber of the same arguments, started by the first and
 * let go after the keep-alive grace once the last leaves.
 *
 * @example
 * const stop = talk.conversation("order-1").subscribe((state) => draw(state.data));
 */
export interface LiveQuery<State> {
  /** The current state; the same object until something changes (fits `useSyncExternalStore`). */
  getState: () => State;
  /** Calls `listener` after every change; the first subscriber connects the controller. Returns the unsubscribe. */
  subscribe: (listener: (state: State, previous: State) => void) => () => void;
}

/**
 * A paged live query (conversations, messages, participants): `loadMore` grows the window it keeps.
 *
 * @example
 * await talk.messages("order-1").loadMore(50);
 */
export interface PagedLiveQuery<State> extends LiveQuery<State> {
  /**
   * Loads `count` more items (default: the page size); waits for the session when called early, shares one load
   * with concurrent calls, and splits counts above TalkJS's per-call limit. Resolves once the larger window is
   * delivered (or TalkJS has no more, or nobody watches the query any more); never rejects.
   */
  loadMore: (count?: number) => Promise<void>;
}

/** Options of the paged queries: how many items the first window holds (default: TalkJS's page size). */
export interface PageOptions {
  pageSize?: number;
}

/** Options of `talk.conversations()`: TalkJS's conversation filter and the first window's size. */
export interface ConversationsOptions extends PageOptions {
  filter?: ConversationFilter;
}

export type ConversationsQuery = PagedLiveQuery<LiveQueryState<ConversationSnapshot[]>>;
export type ConversationQuery = LiveQuery<LiveQueryState<ConversationSnapshot | null>>;
export type MessagesQuery = PagedLiveQuery<MessagesState>;
export type ParticipantsQuery = PagedLiveQuery<LiveQueryState<ParticipantSnapshot[] | null>>;
export type TypingQuery = LiveQuery<LiveQueryState<TypingSnapshot | null>>;
export type UserQuery = LiveQuery<LiveQueryState<UserSnapshot | null>>;
export type OnlineQuery = LiveQuery<LiveQueryState<UserOnlineSnapshot | null>>;

/** What `talk.send()` takes: text, or TalkJS's message parameters. */
export type SendParams = string | SendTextMessageParams | SendMessageParams;

/**
 * Drives one user's TalkJS Data API session with the classic controller's lifecycle, and serves live queries.
 *
 * @example
 * const talk = createDataSession({ appId: "APP_ID", userId: "pete", tokenFetcher });
 * const stop = talk.messages("order-1").subscribe((state) => draw(state.data, state.pending));
 */
export interface DataSessionController {
  getState: () => DataSessionState;
  subscribe: (listener: (state: DataSessionState, previous: DataSessionState) => void) => () => void;
  /** Every `SessionError`, fatal or not (`query-failed`, `handler-failed`, ...). */
  on: (event: "error", handler: (error: SessionError) => void) => () => void;
  /** Ref-counted use; the first starts the TalkJS session. The returned function releases this use (idempotent). */
  connect: () => () => void;
  /** Replace all options (missing keys mean unset). Only `appId` or `userId` recreate the TalkJS session. */
  setOptions: (options: DataSessionOptions) => void;
  /** Resolves with the live TalkJS session; rejects once destroyed. */
  whenReady: () => Promise<TalkSession>;
  /** Leave `error` and try again, with a new TalkJS session. */
  retry: () => void;
  /** Final and idempotent: ends the TalkJS session and its websocket, drops every query and listener. */
  destroy: () => void;

  conversations: (options?: ConversationsOptions) => ConversationsQuery;
  conversation: (id: string) => ConversationQuery;
  messages: (conversationId: string, options?: PageOptions) => MessagesQuery;
  participants: (conversationId: string, options?: PageOptions) => ParticipantsQuery;
  typing: (conversationId: string) => TypingQuery;
  user: (id: string) => UserQuery;
  online: (userId: string) => OnlineQuery;

  /**
   * Sends a message: a `pending` entry shows in the conversation's messages query at once. Never rejects: resolves
   * with TalkJS's `MessageRef`, or `undefined` when the send failed (the entry, now `failed`, says why).
   */
  send: (conversationId: string, message: SendParams) => Promise<MessageRef | undefined>;
  /** Sends a `failed` entry again; resolves as `send`. */
  resend: (key: string) => Promise<MessageRef | undefined>;
  /** Drops a `failed` entry. */
  discard: (key: string) => void;
}
