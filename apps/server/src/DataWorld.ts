import type { ServerResponse } from "node:http";
import {
  conversationIdBetween,
  demoUsers,
  type DataWorldEvent,
  type DataWorldSnapshot,
  type SimulatedMessage,
} from "@x/example-shared/demoUsers";
import { CHAT_LINES } from "./chatLines.js";

/** How many messages the first conversation (Alice and Bob) starts with: several pages, so scrolling up loads more. */
export const LONG_HISTORY = 120;
const SHORT_HISTORY = 12;
/** Time between two seeded messages. */
const HISTORY_STEP_MS = 7 * 60_000;

interface Conversation {
  readonly id: string;
  readonly participants: readonly string[];
  readonly messages: SimulatedMessage[];
  readonly unread: Record<string, number>;
}

/**
 * The offline demo's stand-in for TalkJS's data servers, behind the custom-UI views: one world for every login (the
 * three conversations between the demo users, with history), presence and typing. Each page runs the `@talkjs/core`
 * fake seeded from `snapshot()`; every change is written to every open event stream as `event: data`, so all tabs,
 * and a second browser logged in as someone else, see the same conversations.
 * @example
 * const world = new DataWorld();
 * world.publish({ id: "m1", conversationId: "alice-bob", senderId: "bob", body: "Hi", timestamp: Date.now() });
 */
export class DataWorld {
  #conversations = new Map<string, Conversation>();
  #simulatedOnline = new Set<string>(["bob"]);
  /** Open event streams, with the user each belongs to (a user with a stream is online, as TalkJS counts it). */
  #streams = new Map<ServerResponse, string>();

  constructor(now = Date.now()) {
    const lines = [...CHAT_LINES.openers, ...CHAT_LINES.answers, ...CHAT_LINES.followUps];
    let line = 0;
    demoUsers.forEach((user, index) => {
      for (const other of demoUsers.slice(index + 1)) {
        const id = conversationIdBetween(user.id, other.id);
        const size = this.#conversations.size === 0 ? LONG_HISTORY : SHORT_HISTORY;
        const participants = [user.id, other.id];
        const messages = Array.from({ length: size }, (_, position): SimulatedMessage => {
          // Mostly alternating, with the other person writing the last two, so each starts with unread messages.
          const senderId = position >= size - 2 || position % 3 === 1 ? other.id : user.id;
          line = (line + 1) % lines.length;
          const body = lines[line] ?? "";
          return {
            id: `history-${id}-${position}`,
            conversationId: id,
            senderId,
            body,
            timestamp: now - (size - position) * HISTORY_STEP_MS,
          };
        });
        this.#conversations.set(id, { id, participants, messages, unread: { [user.id]: 2, [other.id]: 0 } });
      }
    });
  }

  /** Everything a page seeds its fake with: conversations (oldest message first) and who is online. */
  snapshot(): DataWorldSnapshot {
    return {
      conversations: [...this.#conversations.values()].map(({ id, participants, messages, unread }) => ({
        id,
        participants: [...participants],
        messages: [...messages],
        unread: { ...unread },
      })),
      online: demoUsers.map((user) => user.id).filter((userId) => this.isOnline(userId)),
    };
  }

  isOnline(userId: string): boolean {
    return this.#simulatedOnline.has(userId) || [...this.#streams.values()].includes(userId);
  }

  /** Writes every change to this stream from now on, until it closes; its user is online meanwhile. */
  join(stream: ServerResponse, userId: string): void {
    const wasOnline = this.isOnline(userId);
    this.#streams.set(stream, userId);
    if (!wasOnline) this.#broadcast({ type: "presence", userId, online: true });
    stream.on("close", () => {
      this.#streams.delete(stream);
      if (!this.isOnline(userId)) this.#broadcast({ type: "presence", userId, online: false });
    });
  }

  /** Adds a message (once per id) and tells every page; false for an unknown conversation or sender. */
  publish(message: SimulatedMessage): boolean {
    const conversation = this.#conversations.get(message.conversationId);
    if (conversation === undefined || !conversation.participants.includes(message.senderId)) return false;
    if (conversation.messages.some((known) => known.id === message.id)) return true;
    conversation.messages.push(message);
    for (const userId of conversation.participants)
      if (userId !== message.senderId) conversation.unread[userId] = (conversation.unread[userId] ?? 0) + 1;
    // The sender read everything before writing, as TalkJS counts it.
    conversation.unread[message.senderId] = 0;
    this.#broadcast({ type: "message", message });
    return true;
  }

  /** The user read the conversation (pages opened later start with it read). */
  markRead(conversationId: string, userId: string): boolean {
    const conversation = this.#conversations.get(conversationId);
    if (conversation === undefined || !conversation.participants.includes(userId)) return false;
    conversation.unread[userId] = 0;
    return true;
  }

  setTyping(conversationId: string, userId: string, typing: boolean): void {
    if (this.#conversations.get(conversationId)?.participants.includes(userId) !== true) return;
    this.#broadcast({ type: "typing", conversationId, userId, typing });
  }

  /** A simulated user comes online or leaves (users with an open stream stay online). */
  setOnline(userId: string, online: boolean): void {
    const wasOnline = this.isOnline(userId);
    if (online) this.#simulatedOnline.add(userId);
    else this.#simulatedOnline.delete(userId);
    if (this.isOnline(userId) !== wasOnline) this.#broadcast({ type: "presence", userId, online: !wasOnline });
  }

  #broadcast(event: DataWorldEvent): void {
    for (const stream of this.#streams.keys()) stream.write(`event: data\ndata: ${JSON.stringify(event)}\n\n`);
  }
}
