import type { ConversationsOptions } from "@x/session-core/data";
import type { ConversationSnapshot } from "@talkjs/core";
import { toValue, type MaybeRefOrGetter } from "vue";
import type { PagedLiveQueryRefs } from "./LiveQueryRefs";
import { toPlain } from "../toPlain";
import { idleQueryState, useLiveQuery } from "./useLiveQuery";

/**
 * The current user's conversations, live, most recent activity first: refs of the query's state and `loadMore`.
 * `options` (`{ filter?, pageSize? }`) may be a value, a ref or a getter; a change of content switches the query.
 *
 * @example
 * const { data: conversations, loadedAll, loadMore } = useConversations({ filter: { hasUnreadMessages: true } });
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useConversations(
  options?: MaybeRefOrGetter<ConversationsOptions | undefined>,
): PagedLiveQueryRefs<ConversationSnapshot[]> {
  const {
    state: _,
    controller: __,
    ...refs
  } = useLiveQuery(
    "useConversations",
    // Read deeply and as plain values: an in-place change of a reactive filter is a change, and the core compares by content.
    (talk) => talk.conversations(toPlain(toValue(options)) as ConversationsOptions | undefined),
    idleQueryState,
  );
  return refs;
}
