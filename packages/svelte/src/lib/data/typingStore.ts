import type { LiveQueryState } from "@x/session-core/data";
import type { TypingSnapshot } from "@talkjs/core";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { idleQueryState } from "./idleQueryState.js";
import { queryStore, type QueryStore } from "./queryStore.js";

/**
 * Who is typing in a conversation, live (`$typing.data`, TalkJS's `TypingSnapshot`). An `undefined` id is `idle` with no subscription; for another id, make another store.
 *
 * @example
 * const typing = typingStore(getDataSessionContext(), "order-1");
 * // in markup: {#if $typing.data?.many}Several people are typing{/if}
 */
export function typingStore(
  talk: DataSessionStore,
  conversationId: string | undefined,
): QueryStore<LiveQueryState<TypingSnapshot | null>> {
  return queryStore(conversationId === undefined ? undefined : talk.controller.typing(conversationId), idleQueryState);
}
