import type { MessagesState, PageOptions, SendParams } from "@x/session-core/data";
import type { MessageRef } from "@talkjs/core";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { idleMessagesState } from "./idleQueryState.js";
import { queryStore, type QueryStore } from "./queryStore.js";

/**
 * The store of `messagesStore`: the messages and `pending` sends, `loadMore`, and `send`/`resend`/`discard`.
 *
 * @example
 * const messages: MessagesStore = messagesStore(talk, "order-1");
 */
export interface MessagesStore extends QueryStore<MessagesState> {
  /** Loads `count` older messages (default: the page size); resolves once they are shown. Never rejects. */
  loadMore(count?: number): Promise<void>;
  /** Sends to this conversation, as `talk.send`: shown in `pending` at once; never rejects. Nothing with no id. */
  send(message: SendParams): Promise<MessageRef | undefined>;
  /** Sends a `failed` pending entry again. */
  resend(key: string): Promise<MessageRef | undefined>;
  /** Drops a `failed` pending entry. */
  discard(key: string): void;
}

/**
 * A conversation's messages, live and paged (newest first, as TalkJS gives them), with `pending`: what `send` shows
 * at once until TalkJS has it. An `undefined` id is `idle` with no subscription; for another id, make another store.
 *
 * @example
 * const messages = $derived(messagesStore(talk, conversationId)); // Svelte 4: $: messages = messagesStore(...)
 * // in markup: {#each $messages.pending as entry (entry.key)}...{/each} <button onclick={() => messages.loadMore()}>
 */
export function messagesStore(
  talk: DataSessionStore,
  conversationId: string | undefined,
  options?: PageOptions,
): MessagesStore {
  const query = conversationId === undefined ? undefined : talk.controller.messages(conversationId, options);
  return {
    ...queryStore(query, idleMessagesState),
    loadMore: async (count) => query?.loadMore(count),
    send: async (message) => (conversationId === undefined ? undefined : talk.send(conversationId, message)),
    resend: talk.resend,
    discard: talk.discard,
  };
}
