import type { ConversationSnapshot } from "@talkjs/core";
import type { ConversationsOptions, LiveQueryState } from "@x/session-core/data";
import { idleQueryState } from "./idleQueryState";
import { usePagedQuery } from "./usePagedQuery";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";
import type { UsePagedQueryResult } from "./UsePagedQueryResult";

/**
 * The current user's conversations, live (TalkJS's `ConversationSnapshot[]`, latest activity first), plus `loadMore`.
 * Options are compared by value: an inline `{ pageSize: 30 }` never starts a new query.
 *
 * @example
 * const { data: conversations, loadedAll, loadMore } = useConversations({ pageSize: 30 });
 * @throws Error when used outside a `<DataSession>`.
 */
export function useConversations(
  options?: ConversationsOptions,
): UsePagedQueryResult<LiveQueryState<ConversationSnapshot[]>> {
  const controller = useRequiredDataSessionController("useConversations");
  return usePagedQuery(controller.conversations(options), idleQueryState);
}
