import type {
  ConversationSnapshot,
  MessageSnapshot,
  ParticipantSnapshot,
  ReferencedMessageSnapshot,
  TypingSnapshot,
  UserOnlineSnapshot,
  UserSnapshot,
} from "@talkjs/core";
import {
  plaintextOf,
  type ConversationRecord,
  type FakeBackend,
  type MessageRecord,
  type ParticipantRecord,
} from "../shared/FakeBackend.js";

/** More than this many people typing is a `ManyTypingSnapshot`, as TalkJS documents. */
const FEW_TYPING_MAX = 5;

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Builds one user's view of the fake's server as TalkJS snapshots. Snapshots are frozen and reused while their
 * content is unchanged, as TalkJS promises (`oldSnapshot !== newSnapshot` means something changed).
 */
export class SnapshotBuilder {
  readonly #backend: FakeBackend;
  readonly #me: string;
  readonly #isConnected: (userId: string) => boolean;
  #cache = new Map<string, unknown>();

  constructor(backend: FakeBackend, me: string, isConnected: (userId: string) => boolean) {
    this.#backend = backend;
    this.#me = me;
    this.#isConnected = isConnected;
  }

  /** Returns the cached equal snapshot if there is one, so identities only change with content. */
  #intern<T>(key: string, candidate: T): T {
    const cached = this.#cache.get(key);
    if (cached !== undefined && deepEqual(cached, candidate)) return cached as T;
    if (typeof candidate === "object" && candidate !== null) Object.freeze(candidate);
    this.#cache.set(key, candidate);
    return candidate;
  }

  /** A list keeps its identity while its items do. */
  list<T>(key: string, items: T[]): T[] {
    const cached = this.#cache.get(key) as T[] | undefined;
    if (cached?.length === items.length && cached.every((item, index) => item === items[index])) return cached;
    Object.freeze(items);
    this.#cache.set(key, items);
    return items;
  }

  user(id: string): UserSnapshot | null {
    const record = this.#backend.users.get(id);
    if (record === undefined) return null;
    return this.#intern<UserSnapshot>(`user:${id}`, {
      id: record.id,
      name: record.name,
      custom: { ...record.custom },
      locale: record.locale,
      photoUrl: record.photoUrl,
      role: record.role,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- TalkJS's snapshots still carry the field
      welcomeMessage: record.welcomeMessage,
    });
  }

  /** A sender TalkJS knows nothing about still has a name: its id. */
  #sender(id: string): UserSnapshot {
    return (
      this.user(id) ??
      this.#intern<UserSnapshot>(`user:${id}`, {
        id,
        name: id,
        custom: {},
        locale: null,
        photoUrl: null,
        role: "default",
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- TalkJS's snapshots still carry the field
        welcomeMessage: null,
      })
    );
  }

  online(id: string): UserOnlineSnapshot | null {
    const user = this.user(id);
    if (user === null) return null;
    return this.#intern<UserOnlineSnapshot>(`online:${id}`, {
      user,
      isConnected: this.#backend.isOnline(id) || this.#isConnected(id),
    });
  }

  #referenced(record: MessageRecord): ReferencedMessageSnapshot | null {
    if (record.referencedMessageId === null) return null;
    const referenced = this.#backend.findMessage(record.conversationId, record.referencedMessageId);
    if (referenced?.senderId == null) return null;
    return this.#intern<ReferencedMessageSnapshot>(`referenced:${referenced.id}`, {
      id: referenced.id,
      type: "UserMessage",
      sender: this.#sender(referenced.senderId),
      custom: { ...referenced.custom },
      createdAt: referenced.createdAt,
      editedAt: referenced.editedAt,
      referencedMessageId: referenced.referencedMessageId,
      origin: referenced.origin,
      plaintext: plaintextOf(referenced.content),
      content: referenced.content,
      reactions: [],
    });
  }

  message(record: MessageRecord): MessageSnapshot {
    return this.#intern<MessageSnapshot>(`message:${record.conversationId}:${record.id}`, {
      id: record.id,
      type: record.senderId === null ? "SystemMessage" : "UserMessage",
      sender: record.senderId === null ? null : this.#sender(record.senderId),
      custom: { ...record.custom },
      createdAt: record.createdAt,
      editedAt: record.editedAt,
      referencedMessage: this.#referenced(record),
      origin: record.origin,
      plaintext: plaintextOf(record.content),
      content: record.content,
      reactions: [],
    });
  }

  /** The conversation if the current user takes part in it (TalkJS's `null` otherwise). */
  visibleConversation(id: string): ConversationRecord | undefined {
    const record = this.#backend.conversations.get(id);
    return record?.participants.has(this.#me) === true ? record : undefined;
  }

  conversation(id: string): ConversationSnapshot | null {
    const record = this.visibleConversation(id);
    const me = record?.participants.get(this.#me);
    if (record === undefined || me === undefined) return null;
    const last = record.messages[record.messages.length - 1];
    const readUntils = [...record.participants.values()].map((participant) => participant.readUntil);
    return this.#intern<ConversationSnapshot>(`conversation:${id}`, {
      id: record.id,
      subject: record.subject,
      photoUrl: record.photoUrl,
      welcomeMessages: [...record.welcomeMessages],
      custom: { ...record.custom },
      createdAt: record.createdAt,
      joinedAt: me.joinedAt,
      lastMessage: last === undefined ? null : this.message(last),
      unreadMessageCount: me.unreadCount,
      readUntil: me.readUntil,
      everyoneReadUntil: Math.min(...readUntils),
      isUnread: me.unreadCount > 0 || me.markedUnread,
      access: me.access,
      notify: me.notify,
    });
  }

  participant(conversationId: string, record: ParticipantRecord): ParticipantSnapshot {
    return this.#intern<ParticipantSnapshot>(`participant:${conversationId}:${record.userId}`, {
      user: this.#sender(record.userId),
      access: record.access,
      notify: record.notify,
      joinedAt: record.joinedAt,
    });
  }

  typing(conversationId: string): TypingSnapshot | null {
    if (this.visibleConversation(conversationId) === undefined) return null;
    const others = this.#backend.typingUsers(conversationId).filter((id) => id !== this.#me);
    if (others.length > FEW_TYPING_MAX) return this.#intern<TypingSnapshot>(`typing:${conversationId}`, { many: true });
    return this.#intern<TypingSnapshot>(`typing:${conversationId}`, {
      many: false,
      users: others.map((id) => this.#sender(id)),
    });
  }
}
