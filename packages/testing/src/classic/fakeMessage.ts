import type Talk from "talkjs";
import { fakeConversationData } from "./fakeConversationData.js";

/**
 * Any subset of a `Talk.Message`; `conversation` may be partial too. Missing fields get defaults.
 * @example
 * const init: FakeMessageInit = { body: "Hi", senderId: "sam", conversation: { id: "order-42" } };
 * talk.emitMessage(init);
 */
export type FakeMessageInit = Partial<Omit<Talk.Message, "conversation">> & {
  conversation?: Partial<Talk.ConversationData>;
};

let messageCount = 0;

/**
 * Builds a complete `Talk.Message` from a few fields: a text message from "other-user" in "conversation-1".
 * Ids are unique (`message-1`, `message-2`, ...); `timestamp` defaults to `Date.now()`.
 * @example
 * const message = fakeMessage({ body: "Hi!", conversation: { id: "order-42" } });
 * expect(message.conversation.id).toBe("order-42");
 */
export function fakeMessage(init: FakeMessageInit = {}): Talk.Message {
  messageCount += 1;
  const { conversation, ...fields } = init;
  return {
    id: `message-${messageCount}`,
    isByMe: false,
    senderId: "other-user",
    sender: null,
    body: "Hello from the TalkJS fake",
    type: "text",
    timestamp: Date.now(),
    read: false,
    origin: "web",
    custom: {},
    attachment: null,
    location: null,
    ...fields,
    conversation: fakeConversationData(conversation),
  };
}
