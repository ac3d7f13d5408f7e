import type { ConversationSnapshot } from "@talkjs/core";
import type { LiveQueryState } from "@x/session-core/data";
import { idleQueryState } from "./idleQueryState";
import { useLiveQueryState } from "./useLiveQueryState";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";

/**
 * One conversation, live: `data` is TalkJS's `ConversationSnapshot`, `null` when the user may not see it or it does
 * not exist. An `undefined` id is `idle` and subscribes to nothing.
 *
 * @example
 * const { data: conversation } = useConversation(conversationId);
 * @throws Error when used outside a `<DataSession>`.
 */
export function useConversation(id: string | undefined): LiveQueryState<ConversationSnapshot | null> {
  const controller = useRequiredDataSessionController("useConversation");
  return useLiveQueryState(id === undefined ? undefined : controller.conversation(id), idleQueryState);
}
