import type {
  ConversationRef,
  ConversationSnapshot,
  ConversationSubscription,
  CreateConversationParams,
  MessageRef,
  MessageSnapshot,
  MessageSubscription,
  ParticipantRef,
  ParticipantSnapshot,
  ParticipantSubscription,
  SendContentBlock,
  SendMessageParams,
  SendTextMessageParams,
  SetConversationParams,
  TypingSnapshot,
  TypingSubscription,
  UserRef,
  ContentBlock,
} from "@talkjs/core";
import type { ConversationRecord } from "../shared/FakeBackend.js";
import { FakeMessageRef } from "./FakeMessageRef.js";
import { FakeParticipantRef } from "./FakeParticipantRef.js";
import { PagedSubscription, SingleSubscription } from "./FakeSubscription.js";
import { PAGE_LIMITS } from "./pageLimits.js";
import { assertId, orDefault, patchCustom, type SessionInternals } from "./SessionInternals.js";

/** The fake `ConversationRef`: the current user's view of one conversation on the fake server. */
export class FakeConversationRef implements ConversationRef {
  readonly id: string;
  readonly #session: SessionInternals;
  readonly #participants = new Map<string, FakeParticipantRef>();
  readonly #messages = new Map<string, FakeMessageRef>();

  constructor(session: SessionInternals, id: string) {
    this.#session = session;
    this.id = id;
  }

  participant(user: string | UserRef): ParticipantRef {
    const userId = typeof user === "string" ? user : user.id;
    assertId("ConversationRef.participant(user)", userId);
    let ref = this.#participants.get(userId);
    if (ref === undefined) {
      ref = new FakeParticipantRef(this.#session, this.id, userId);
      this.#participants.set(userId, ref);
    }
    return ref;
  }

  message(id: string): MessageRef {
    assertId("ConversationRef.message(id)", id);
    let ref = this.#messages.get(id);
    if (ref === undefined) {
      ref = new FakeMessageRef(this.#session, this.id, id);
      this.#messages.set(id, ref);
    }
    return ref;
  }

  get(): Promise<ConversationSnapshot | null> {
    return this.#session.request(() => this.#session.snapshots.conversation(this.id));
  }

  set(params: SetConversationParams): Promise<void> {
    return this.#session.request(() => {
      const conversation = this.#joined();
      const me = conversation.participants.get(this.#session.me);
      conversation.subject = orDefault(params.subject, null, conversation.subject);
      conversation.photoUrl = orDefault(params.photoUrl, null, conversation.photoUrl);
      conversation.welcomeMessages = orDefault(params.welcomeMessages, [], conversation.welcomeMessages);
      conversation.custom = patchCustom(conversation.custom, params.custom);
      if (me !== undefined) {
        me.access = orDefault(params.access, "ReadWrite", me.access);
        me.notify = orDefault(params.notify, true, me.notify);
      }
      this.#session.backend.changed();
    });
  }

  createIfNotExists(params?: CreateConversationParams): Promise<void> {
    return this.#session.request(() => {
      const { backend, me } = this.#session;
      const existing = backend.conversations.get(this.id);
      if (existing?.participants.has(me) === true) return;
      const created = existing === undefined;
      const conversation = this.#joined();
      if (created) {
        conversation.subject = params?.subject ?? null;
        conversation.photoUrl = params?.photoUrl ?? null;
        conversation.welcomeMessages = [...(params?.welcomeMessages ?? [])];
        conversation.custom = { ...(params?.custom ?? {}) };
      }
      const participant = conversation.participants.get(me);
      if (participant !== undefined) {
        participant.access = params?.access ?? "ReadWrite";
        participant.notify = params?.notify ?? true;
      }
      backend.changed();
    });
  }

  markAsRead(): Promise<void> {
    return this.#session.request(() => {
      const me = this.#participation();
      me.unreadCount = 0;
      me.markedUnread = false;
      me.readUntil = Date.now();
      this.#session.backend.changed();
    });
  }

  markAsUnread(): Promise<void> {
    return this.#session.request(() => {
      this.#participation().markedUnread = true;
      this.#session.backend.changed();
    });
  }

  send(params: string | SendTextMessageParams | SendMessageParams): Promise<MessageRef> {
    return this.#session.request(() => {
      const failure = this.#session.takeSendFailure();
      if (failure !== undefined) throw failure;
      const me = this.#participation();
      if (me.access !== "ReadWrite") {
        throw new Error(`[TalkJS] You have read-only access to conversation ${JSON.stringify(this.id)}.`);
      }
      const fields = typeof params === "string" ? { text: params } : params;
      const referenced = fields.referencedMessage;
      const content: ContentBlock[] | undefined =
        "content" in fields ? fields.content.map((block: SendContentBlock) => block as ContentBlock) : undefined;
      // Sent messages reach the sender only through subscriptions, never as a local echo.
      const record = this.#session.backend.appendMessage(this.id, {
        senderId: this.#session.me,
        text: "text" in fields ? fields.text : undefined,
        content,
        custom: fields.custom,
        referencedMessageId: typeof referenced === "string" ? referenced : referenced?.id,
      });
      this.#session.backend.changed();
      return this.message(record.id);
    });
  }

  subscribeMessages(
    onSnapshot?: (snapshot: MessageSnapshot[] | null, loadedAll: boolean) => void,
  ): MessageSubscription {
    const session = this.#session;
    const read = () => {
      const conversation = session.snapshots.visibleConversation(this.id);
      if (conversation === undefined) return null;
      return [...conversation.messages].reverse().map((record) => ({
        id: record.id,
        activity: record.createdAt,
        snapshot: session.snapshots.message(record),
      }));
    };
    return session.subscribe(
      new PagedSubscription(session, `messages:${this.id}`, PAGE_LIMITS.messages, read, onSnapshot),
    );
  }

  subscribeParticipants(
    onSnapshot?: (snapshot: ParticipantSnapshot[] | null, loadedAll: boolean) => void,
  ): ParticipantSubscription {
    const session = this.#session;
    const read = () => {
      const conversation = session.snapshots.visibleConversation(this.id);
      if (conversation === undefined) return null;
      // Most recently joined first; among equal times, the one added later.
      return [...conversation.participants.values()]
        .reverse()
        .sort((a, b) => b.joinedAt - a.joinedAt)
        .map((record) => ({
          id: record.userId,
          activity: record.joinedAt,
          snapshot: session.snapshots.participant(this.id, record),
        }));
    };
    return session.subscribe(
      new PagedSubscription(session, `participants:${this.id}`, PAGE_LIMITS.participants, read, onSnapshot),
    );
  }

  subscribe(onSnapshot?: (snapshot: ConversationSnapshot | null) => void): ConversationSubscription {
    const session = this.#session;
    return session.subscribe(
      new SingleSubscription(
        session,
        `conversation:${this.id}`,
        () => session.snapshots.conversation(this.id),
        onSnapshot,
      ),
    );
  }

  subscribeTyping(onSnapshot?: (snapshot: TypingSnapshot | null) => void): TypingSubscription {
    const session = this.#session;
    return session.subscribe(
      new SingleSubscription(session, `typing:${this.id}`, () => session.snapshots.typing(this.id), onSnapshot),
    );
  }

  markAsTyping(): Promise<void> {
    return this.#session.request(() => {
      this.#participation();
      this.#session.backend.setTyping(this.id, this.#session.me, true);
      this.#session.backend.changed();
    });
  }

  /** The conversation, created if needed, with the current user added (what `set` and `createIfNotExists` do). */
  #joined(): ConversationRecord {
    const { backend, me } = this.#session;
    const conversation =
      backend.conversations.get(this.id) ?? backend.upsertConversation({ id: this.id, participants: [] });
    if (!backend.users.has(me)) backend.upsertUser({ id: me });
    backend.addParticipant(conversation, me);
    return conversation;
  }

  #participation(): NonNullable<ReturnType<ConversationRecord["participants"]["get"]>> {
    const participant = this.#session.snapshots.visibleConversation(this.id)?.participants.get(this.#session.me);
    if (participant === undefined) {
      throw new Error(`[TalkJS] You are not a participant in conversation ${JSON.stringify(this.id)}.`);
    }
    return participant;
  }
}
