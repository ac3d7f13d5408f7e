import type Talk from "talkjs";

/** Fills a conversation with the fields TalkJS always sends, so partial test data stays well-typed. */
export function fakeConversationData(init: Partial<Talk.ConversationData> = {}): Talk.ConversationData {
  return {
    id: "conversation-1",
    custom: {},
    subject: null,
    photoUrl: null,
    welcomeMessages: null,
    participants: {},
    ...init,
  };
}
