import type { LiveQueryStatus, PendingMessage, SendParams, SessionError } from "@x/session-core/data";
import type { MessageRef } from "@talkjs/core";
import type { Ref } from "vue";

/**
 * What a query composable returns: one read-only ref per field of the query's state, so it destructures as TanStack
 * Vue Query's results do. Each ref triggers only when its own value changes.
 *
 * @example
 * const { status, data, error } = useConversation("order-1");
 */
export interface LiveQueryRefs<Data> {
  /** `idle` with no id, `loading` until TalkJS's first snapshot, then `ready` (or `error`). */
  readonly status: Readonly<Ref<LiveQueryStatus>>;
  /** TalkJS's snapshot; `null` where TalkJS says the user may not see it or it does not exist. */
  readonly data: Readonly<Ref<Data | undefined>>;
  /** Paged queries: `true` once TalkJS has nothing more to load. */
  readonly loadedAll: Readonly<Ref<boolean>>;
  /** Why the query is in `error` (`query-failed`, `session-terminated`, ...). */
  readonly error: Readonly<Ref<SessionError | undefined>>;
}

/**
 * What a paged query composable returns (`useConversations`, `useParticipants`): the refs and `loadMore`.
 *
 * @example
 * const { data, loadedAll, loadMore } = useConversations({ pageSize: 20 });
 */
export interface PagedLiveQueryRefs<Data> extends LiveQueryRefs<Data> {
  /** Loads `count` more items (default: the page size) into the window of the query followed now; never rejects. */
  loadMore: (count?: number) => Promise<void>;
}

/**
 * What `useMessages` returns: the paged refs, the `pending` sends, and `resend`/`discard` for failed ones.
 *
 * @example
 * const { data, pending, loadMore, resend, discard } = useMessages(conversationId);
 */
export interface MessagesRefs<Data> extends PagedLiveQueryRefs<Data> {
  /** Messages sent from here that TalkJS's snapshot does not hold yet (`sending`, or `failed` with the reason). */
  readonly pending: Readonly<Ref<readonly PendingMessage[]>>;
  /** Sends a `failed` entry again; resolves with TalkJS's `MessageRef`, or `undefined` when it failed again. */
  resend: (key: string) => Promise<MessageRef | undefined>;
  /** Drops a `failed` entry. */
  discard: (key: string) => void;
}

/**
 * What `useSend()` returns: `talk.send` of the nearest `<TalkDataSession>`.
 *
 * @example
 * const send: SendFunction = useSend();
 */
export type SendFunction = (conversationId: string, message: SendParams) => Promise<MessageRef | undefined>;
