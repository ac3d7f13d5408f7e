import type {
  ContentBlock,
  EditMessageParams,
  EditTextMessageParams,
  MessageRef,
  MessageSnapshot,
  ReactionsRef,
} from "@talkjs/core";
import { assertId, notImplemented, patchCustom, type SessionInternals } from "./SessionInternals.js";

/** The fake's `ReactionsRef`: every operation rejects, since the fake has no reactions (snapshots show none). */
class UnsupportedReactionsRef implements ReactionsRef {
  constructor(
    readonly emoji: string,
    readonly messageId: string,
    readonly conversationId: string,
  ) {}

  add(): Promise<void> {
    return Promise.reject(notImplemented("ReactionsRef.add"));
  }

  remove(): Promise<void> {
    return Promise.reject(notImplemented("ReactionsRef.remove"));
  }

  getFirstReactions(): Promise<null> {
    return Promise.reject(notImplemented("ReactionsRef.getFirstReactions"));
  }

  subscribe(): never {
    throw notImplemented("ReactionsRef.subscribe");
  }
}

/** The fake `MessageRef`: `get`, `edit` (your own messages) and `delete`; reactions and translation are not faked. */
export class FakeMessageRef implements MessageRef {
  readonly id: string;
  readonly conversationId: string;
  readonly #session: SessionInternals;

  constructor(session: SessionInternals, conversationId: string, id: string) {
    this.#session = session;
    this.conversationId = conversationId;
    this.id = id;
  }

  reactions(emoji: string): ReactionsRef {
    assertId("MessageRef.reactions(emoji)", emoji);
    return new UnsupportedReactionsRef(emoji, this.id, this.conversationId);
  }

  reaction(emoji: string): ReactionsRef {
    return this.reactions(emoji);
  }

  get(): Promise<MessageSnapshot | null> {
    return this.#session.request(() => {
      const { snapshots, backend } = this.#session;
      if (snapshots.visibleConversation(this.conversationId) === undefined) return null;
      const record = backend.findMessage(this.conversationId, this.id);
      return record === undefined ? null : snapshots.message(record);
    });
  }

  translate(): Promise<{ content: ContentBlock[]; plaintext: string } | null> {
    return Promise.reject(notImplemented("MessageRef.translate"));
  }

  edit(params: string | EditTextMessageParams | EditMessageParams): Promise<void> {
    return this.#session.request(() => {
      const { backend, me } = this.#session;
      const record = backend.findMessage(this.conversationId, this.id);
      if (record?.senderId !== me) {
        throw new Error(
          `[TalkJS] You cannot edit message ${JSON.stringify(this.id)}: it does not exist or is not yours.`,
        );
      }
      const fields = typeof params === "string" ? { text: params } : params;
      if ("text" in fields && typeof fields.text === "string")
        record.content = [{ type: "text", children: [fields.text] }];
      if ("content" in fields && fields.content !== undefined) record.content = [...fields.content] as ContentBlock[];
      record.custom = patchCustom(record.custom, fields.custom);
      record.editedAt = Date.now();
      backend.changed();
    });
  }

  delete(): Promise<void> {
    return this.#session.request(() => {
      const { backend, snapshots } = this.#session;
      const conversation = snapshots.visibleConversation(this.conversationId);
      if (conversation === undefined) {
        throw new Error(`[TalkJS] You are not a participant in conversation ${JSON.stringify(this.conversationId)}.`);
      }
      const index = conversation.messages.findIndex((message) => message.id === this.id);
      if (index === -1) return;
      conversation.messages.splice(index, 1);
      backend.changed();
    });
  }
}
