import type {
  CreateParticipantParams,
  ParticipantRef,
  ParticipantSnapshot,
  SetParticipantParams,
  SingleParticipantSubscription,
} from "@talkjs/core";
import { SingleSubscription } from "./FakeSubscription.js";
import { orDefault, type SessionInternals } from "./SessionInternals.js";

/** The fake `ParticipantRef`: a user's participation in a conversation, on the fake server. */
export class FakeParticipantRef implements ParticipantRef {
  readonly userId: string;
  readonly conversationId: string;
  readonly #session: SessionInternals;

  constructor(session: SessionInternals, conversationId: string, userId: string) {
    this.#session = session;
    this.conversationId = conversationId;
    this.userId = userId;
  }

  #read(): ParticipantSnapshot | null {
    const { snapshots } = this.#session;
    const record = snapshots.visibleConversation(this.conversationId)?.participants.get(this.userId);
    return record === undefined ? null : snapshots.participant(this.conversationId, record);
  }

  get(): Promise<ParticipantSnapshot | null> {
    return this.#session.request(() => this.#read());
  }

  set(params: SetParticipantParams): Promise<void> {
    return this.#write(params, true);
  }

  edit(params: SetParticipantParams): Promise<void> {
    return this.#write(params, false);
  }

  createIfNotExists(params?: CreateParticipantParams): Promise<void> {
    return this.#session.request(() => {
      const conversation = this.#conversation();
      if (conversation.participants.has(this.userId)) return;
      const participant = this.#session.backend.addParticipant(conversation, this.userId);
      participant.access = params?.access ?? "ReadWrite";
      participant.notify = params?.notify ?? true;
      this.#session.backend.changed();
    });
  }

  delete(): Promise<void> {
    return this.#session.request(() => {
      if (this.#conversation().participants.delete(this.userId)) this.#session.backend.changed();
    });
  }

  subscribe(onSnapshot?: (snapshot: ParticipantSnapshot | null) => void): SingleParticipantSubscription {
    return this.#session.subscribe(
      new SingleSubscription(
        this.#session,
        `participant:${this.conversationId}:${this.userId}`,
        () => this.#read(),
        onSnapshot,
      ),
    );
  }

  #conversation(): NonNullable<ReturnType<SessionInternals["snapshots"]["visibleConversation"]>> {
    const conversation = this.#session.snapshots.visibleConversation(this.conversationId);
    if (conversation === undefined) {
      throw new Error(`[TalkJS] You are not a participant in conversation ${JSON.stringify(this.conversationId)}.`);
    }
    return conversation;
  }

  #write(params: SetParticipantParams, create: boolean): Promise<void> {
    return this.#session.request(() => {
      const conversation = this.#conversation();
      const existing = conversation.participants.get(this.userId);
      if (existing === undefined && !create) {
        throw new Error(`[TalkJS] ParticipantRef.edit: ${JSON.stringify(this.userId)} is not a participant.`);
      }
      const participant = existing ?? this.#session.backend.addParticipant(conversation, this.userId);
      participant.access = orDefault(params.access, "ReadWrite", participant.access);
      participant.notify = orDefault(params.notify, true, participant.notify);
      this.#session.backend.changed();
    });
  }
}
