import type Talk from "talkjs";
import { fakeConversationData } from "./fakeConversationData.js";
import { fakeMessage, type FakeMessageInit } from "./fakeMessage.js";

/**
 * Partial data for {@link fakeUnreadConversation}; `unreadMessageCount` defaults to 1.
 * @example
 * const init: FakeUnreadConversationInit = { conversation: { id: "order-42" }, unreadMessageCount: 2 };
 */
export interface FakeUnreadConversationInit {
  conversation?: Partial<Talk.ConversationData>;
  lastMessage?: FakeMessageInit;
  /** Default 1. */
  unreadMessageCount?: number;
}

/**
 * Builds a `Talk.UnreadConversation` whose `lastMessage` belongs to the same conversation.
 * Pass a list of them to `fake.setUnreads(...)`.
 * @example
 * talk.setUnreads([fakeUnreadConversation({ conversation: { id: "order-42" }, unreadMessageCount: 3 })]);
 */
export function fakeUnreadConversation(init: FakeUnreadConversationInit = {}): Talk.UnreadConversation {
  const conversation = fakeConversationData(init.conversation);
  return {
    conversation,
    lastMessage: fakeMessage({ ...init.lastMessage, conversation }),
    unreadMessageCount: init.unreadMessageCount ?? 1,
  };
}
