import type Talk from "talkjs";

/**
 * A `Talk.ConversationBuilder` as `session.getOrCreateConversation(id)` returns it, with the `id` TalkJS's object
 * has at runtime (its type omits it). Participants and attributes are kept so tests can read them.
 * @example
 * const conversation = session.getOrCreateConversation("order-42");
 * conversation.setParticipant(session.me);
 * await chatbox.select(conversation);
 */
export interface FakeConversationBuilder extends Talk.ConversationBuilder {
  readonly id: string;
  /** Test-only: the users given to `setParticipant`, by id. */
  readonly participants: ReadonlyMap<string, { user: Talk.User; settings: Partial<Talk.ParticipationSettings> }>;
}

export function fakeConversationBuilder(id: string): FakeConversationBuilder {
  const participants = new Map<string, { user: Talk.User; settings: Partial<Talk.ParticipationSettings> }>();
  const builder: FakeConversationBuilder = {
    id,
    participants,
    subject: undefined,
    custom: undefined,
    photoUrl: undefined,
    welcomeMessages: undefined,
    setParticipant(user, settings = {}) {
      participants.set(user.id, { user, settings });
    },
    setAttributes(attributes) {
      Object.assign(builder, attributes);
    },
    sendMessage(text) {
      if (typeof text !== "string" || text === "") {
        return Promise.reject(new TypeError("[TalkJS] conversation.sendMessage(text) needs a non-empty string."));
      }
      return Promise.resolve();
    },
    leave() {
      return Promise.resolve(true);
    },
  };
  return builder;
}
