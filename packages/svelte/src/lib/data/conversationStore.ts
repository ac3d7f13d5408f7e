import type { LiveQueryState } from "@x/session-core/data";
import type { ConversationSnapshot } from "@talkjs/core";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { idleQueryState } from "./idleQueryState.js";
import { queryStore, type QueryStore } from "./queryStore.js";

/**
 * One conversation, live (`$conversation.data`; `null` when it does not exist or the user may not see it). An `undefined` id is `idle` with no subscription; for another id, make another store.
 *
 * @example
 * const conversation = conversationStore(getDataSessionContext(), "order-1");
 * // in markup: <h2>{$conversation.data?.subject ?? ""}</h2>
 */
export function conversationStore(
  talk: DataSessionStore,
  id: string | undefined,
): QueryStore<LiveQueryState<ConversationSnapshot | null>> {
  return queryStore(id === undefined ? undefined : talk.controller.conversation(id), idleQueryState);
}
