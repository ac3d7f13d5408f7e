import type { ConversationsOptions, LiveQueryState } from "@x/session-core/data";
import type { ConversationSnapshot } from "@talkjs/core";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { idleQueryState } from "./idleQueryState.js";
import { queryStore, type QueryStore } from "./queryStore.js";

/**
 * The store of `conversationsStore`: the query's state and `loadMore`.
 *
 * @example
 * const conversations: ConversationsStore = conversationsStore(talk);
 */
export interface ConversationsStore extends QueryStore<LiveQueryState<ConversationSnapshot[]>> {
  /** Loads `count` more conversations (default: the page size); resolves once they are shown. Never rejects. */
  loadMore(count?: number): Promise<void>;
}

/**
 * The current user's conversations, live, most recent activity first (`$conversations.data`), with `loadMore`.
 * `talk` is what `createDataSessionStore` or `getDataSessionContext()` returns; the first subscriber starts the query.
 *
 * @example
 * const conversations = conversationsStore(getDataSessionContext(), { filter: { hasUnreadMessages: true } });
 * // in markup: {#each $conversations.data ?? [] as conversation (conversation.id)}...{/each}
 */
export function conversationsStore(talk: DataSessionStore, options?: ConversationsOptions): ConversationsStore {
  const query = talk.controller.conversations(options);
  return { ...queryStore(query, idleQueryState), loadMore: (count) => query.loadMore(count) };
}
