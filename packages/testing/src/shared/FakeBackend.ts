import type { ContentBlock } from "@talkjs/core";
import { startTimer, stopTimer, type TimerHandle } from "./timers.js";

/**
 * A user as the fake's server stores it; only `id` is required when seeding (the name defaults to the id).
 * @example
 * const sam: FakeSeedUser = { id: "sam", name: "Sam", photoUrl: "https://example.com/sam.png" };
 */
export interface FakeSeedUser {
  id: string;
  name?: string;
  custom?: Record<string, string>;
  locale?: string | null;
  photoUrl?: string | null;
  role?: string;
  welcomeMessage?: string | null;
}

/**
 * A message to seed or publish: plain `text` (or TalkJS `content`), a sender (none for a system message).
 * @example
 * const hello: FakeSeedMessage = { senderId: "sam", text: "Hello", createdAt: Date.now() - 60_000 };
 */
export interface FakeSeedMessage {
  id?: string;
  /** The sender's user id; omit it for a system message. */
  senderId?: string;
  text?: string;
  content?: ContentBlock[];
  custom?: Record<string, string>;
  /** Default: now (seeded messages without one get increasing times in the past, oldest first). */
  createdAt?: number;
  referencedMessageId?: string;
  origin?: "rest" | "import" | "email" | "web";
}

/**
 * A conversation to seed: its participants (user ids, created as users if missing), attributes, unread counts
 * per participant and its messages (oldest first).
 * @example
 * const order: FakeSeedConversation = { id: "order-42", participants: ["pete", "sam"], subject: "Order 42", unread: { pete: 2 } };
 */
export interface FakeSeedConversation {
  id: string;
  participants: string[];
  subject?: string | null;
  photoUrl?: string | null;
  welcomeMessages?: string[];
  custom?: Record<string, string>;
  createdAt?: number;
  /** `unreadMessageCount` per participant. Default 0; each message published later adds 1 for everyone but its sender. */
  unread?: Record<string, number>;
  /** Participants with `Read` access (the others have `ReadWrite`). */
  readOnly?: string[];
  messages?: FakeSeedMessage[];
}

/** What to seed a fake with. */
export interface FakeSeed {
  users?: FakeSeedUser[];
  conversations?: FakeSeedConversation[];
}

export interface UserRecord {
  readonly id: string;
  name: string;
  custom: Record<string, string>;
  locale: string | null;
  photoUrl: string | null;
  role: string;
  welcomeMessage: string | null;
}

export interface ParticipantRecord {
  readonly userId: string;
  access: "Read" | "ReadWrite";
  notify: boolean | "MentionsOnly";
  joinedAt: number;
  unreadCount: number;
  markedUnread: boolean;
  readUntil: number;
}

export interface MessageRecord {
  readonly id: string;
  readonly conversationId: string;
  readonly senderId: string | null;
  custom: Record<string, string>;
  readonly createdAt: number;
  editedAt: number | null;
  referencedMessageId: string | null;
  readonly origin: "rest" | "import" | "email" | "web";
  content: ContentBlock[];
}

export interface ConversationRecord {
  readonly id: string;
  subject: string | null;
  photoUrl: string | null;
  welcomeMessages: string[];
  custom: Record<string, string>;
  readonly createdAt: number;
  /** In the order they joined. */
  readonly participants: Map<string, ParticipantRecord>;
  /** Oldest first. */
  readonly messages: MessageRecord[];
}

/** How long a typing indicator lasts without a new `markAsTyping()`, as TalkJS documents. */
export const TYPING_DURATION_MS = 10_000;

/** The plain text of message content: its text nodes joined, files and locations left out. */
export function plaintextOf(content: readonly ContentBlock[]): string {
  const textOf = (node: unknown): string => {
    if (typeof node === "string") return node;
    if (typeof node !== "object" || node === null) return "";
    const { children, text } = node as { children?: unknown; text?: unknown };
    if (Array.isArray(children)) return children.map(textOf).join("");
    return typeof text === "string" ? text : "";
  };
  return content
    .filter((block) => block.type === "text")
    .map(textOf)
    .join("\n");
}

/**
 * The fake's server: users, conversations with participants and messages, typing and presence. Both fakes can
 * read it; every change notifies the listeners once (they recompute what they show).
 */
export class FakeBackend {
  readonly users = new Map<string, UserRecord>();
  readonly conversations = new Map<string, ConversationRecord>();
  #typing = new Map<string, Map<string, TimerHandle | undefined>>();
  #online = new Set<string>();
  #listeners = new Set<() => void>();
  #nextMessage = 0;

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  seed(seed: FakeSeed): void {
    for (const user of seed.users ?? []) this.upsertUser(user);
    for (const conversation of seed.conversations ?? []) this.upsertConversation(conversation);
    this.changed();
  }

  upsertUser(init: FakeSeedUser): UserRecord {
    if (typeof init.id !== "string" || init.id === "") {
      throw new TypeError(`[TalkJS fake] A seeded user needs a non-empty string "id"; got ${JSON.stringify(init.id)}.`);
    }
    const existing = this.users.get(init.id);
    const record: UserRecord = {
      id: init.id,
      name: init.name ?? existing?.name ?? init.id,
      custom: { ...(existing?.custom ?? {}), ...(init.custom ?? {}) },
      locale: init.locale !== undefined ? init.locale : (existing?.locale ?? null),
      photoUrl: init.photoUrl !== undefined ? init.photoUrl : (existing?.photoUrl ?? null),
      role: init.role ?? existing?.role ?? "default",
      welcomeMessage: init.welcomeMessage !== undefined ? init.welcomeMessage : (existing?.welcomeMessage ?? null),
    };
    this.users.set(record.id, record);
    return record;
  }

  upsertConversation(init: FakeSeedConversation): ConversationRecord {
    if (typeof init.id !== "string" || init.id === "") {
      throw new TypeError(
        `[TalkJS fake] A seeded conversation needs a non-empty string "id"; got ${JSON.stringify(init.id)}.`,
      );
    }
    const now = Date.now();
    const existing = this.conversations.get(init.id);
    const record: ConversationRecord = existing ?? {
      id: init.id,
      subject: null,
      photoUrl: null,
      welcomeMessages: [],
      custom: {},
      createdAt: init.createdAt ?? now,
      participants: new Map(),
      messages: [],
    };
    if (init.subject !== undefined) record.subject = init.subject;
    if (init.photoUrl !== undefined) record.photoUrl = init.photoUrl;
    if (init.welcomeMessages !== undefined) record.welcomeMessages = [...init.welcomeMessages];
    if (init.custom !== undefined) record.custom = { ...record.custom, ...init.custom };
    this.conversations.set(record.id, record);
    for (const userId of init.participants) {
      if (!this.users.has(userId)) this.upsertUser({ id: userId });
      const participant = this.addParticipant(record, userId, record.createdAt);
      participant.access = init.readOnly?.includes(userId) === true ? "Read" : "ReadWrite";
    }
    const messages = init.messages ?? [];
    messages.forEach((message, index) => {
      // Seeded messages without a time are spread over the past minutes, oldest first, so their order is stable.
      const createdAt = message.createdAt ?? now - (messages.length - index) * 60_000;
      this.appendMessage(record.id, { ...message, createdAt }, { countUnread: false });
    });
    for (const [userId, count] of Object.entries(init.unread ?? {})) {
      const participant = record.participants.get(userId);
      if (participant !== undefined) participant.unreadCount = count;
    }
    return record;
  }

  addParticipant(conversation: ConversationRecord, userId: string, joinedAt = Date.now()): ParticipantRecord {
    const existing = conversation.participants.get(userId);
    if (existing !== undefined) return existing;
    const participant: ParticipantRecord = {
      userId,
      access: "ReadWrite",
      notify: true,
      joinedAt,
      unreadCount: 0,
      markedUnread: false,
      readUntil: joinedAt,
    };
    conversation.participants.set(userId, participant);
    return participant;
  }

  /** Adds a message; every participant but its sender has one more unread message, and the sender stops typing. */
  appendMessage(
    conversationId: string,
    init: FakeSeedMessage,
    { countUnread = true }: { countUnread?: boolean } = {},
  ): MessageRecord {
    const conversation = this.conversations.get(conversationId);
    if (conversation === undefined) {
      throw new Error(`[TalkJS fake] No conversation ${JSON.stringify(conversationId)}; seed it first.`);
    }
    const senderId = init.senderId ?? null;
    if (senderId !== null && !this.users.has(senderId)) this.upsertUser({ id: senderId });
    this.#nextMessage += 1;
    const message: MessageRecord = {
      id: init.id ?? `fake-message-${this.#nextMessage}`,
      conversationId,
      senderId,
      custom: { ...(init.custom ?? {}) },
      createdAt: init.createdAt ?? Date.now(),
      editedAt: null,
      referencedMessageId: init.referencedMessageId ?? null,
      origin: init.origin ?? "rest",
      content: init.content ?? [{ type: "text", children: [init.text ?? ""] }],
    };
    conversation.messages.push(message);
    if (countUnread) {
      for (const participant of conversation.participants.values()) {
        if (participant.userId !== senderId) participant.unreadCount += 1;
      }
    }
    if (senderId !== null) this.#stopTyping(conversationId, senderId);
    return message;
  }

  findMessage(conversationId: string, messageId: string): MessageRecord | undefined {
    return this.conversations.get(conversationId)?.messages.find((message) => message.id === messageId);
  }

  /** Users typing in a conversation, longest typing first. */
  typingUsers(conversationId: string): string[] {
    return [...(this.#typing.get(conversationId)?.keys() ?? [])];
  }

  /** `typing: true` lasts until `false`, a message from that user, or `durationMs` (TalkJS: 10 s; `Infinity`: no end). */
  setTyping(conversationId: string, userId: string, typing: boolean, durationMs = TYPING_DURATION_MS): void {
    if (!typing) {
      this.#stopTyping(conversationId, userId);
      return;
    }
    const users = this.#typing.get(conversationId) ?? new Map<string, TimerHandle | undefined>();
    this.#typing.set(conversationId, users);
    stopTimer(users.get(userId));
    const timer = Number.isFinite(durationMs)
      ? startTimer(() => {
          this.#stopTyping(conversationId, userId);
          this.changed();
        }, durationMs)
      : undefined;
    // Re-marking keeps a user's place in the chronological order.
    users.set(userId, timer);
  }

  isOnline(userId: string): boolean {
    return this.#online.has(userId);
  }

  setOnline(userId: string, online: boolean): void {
    if (online) this.#online.add(userId);
    else this.#online.delete(userId);
  }

  #stopTyping(conversationId: string, userId: string): void {
    const users = this.#typing.get(conversationId);
    if (users === undefined) return;
    stopTimer(users.get(userId));
    users.delete(userId);
    if (users.size === 0) this.#typing.delete(conversationId);
  }
}
