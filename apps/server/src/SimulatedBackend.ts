import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { conversationIdBetween, demoUsers, findDemoUser, type SimulatedMessage } from "@x/example-shared/demoUsers";

const SMALL_TALK = [
  "Hey! Do you have a minute to look at the new onboarding flow?",
  "Lunch at 12:30? The place around the corner has soup today.",
  "I pushed the fix, can you check it on your side?",
  "The customer from this morning says thanks!",
  "Are we still on for the review tomorrow?",
  "Quick one: which file has the pricing copy?",
  "Coffee?",
];

const ANSWERS = [
  "Got it, thanks!",
  "Sounds good!",
  "Ha, fair enough.",
  "Perfect, talk soon.",
  "Let me check and get back to you.",
];

interface Stream {
  readonly userId: string;
  readonly loginId: string;
  readonly response: ServerResponse;
  readonly timers: Set<NodeJS.Timeout>;
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/**
 * The offline stand-in for TalkJS's servers: other demo users write to whoever is logged in, over Server-Sent Events,
 * every `chatterIntervalMs` (0: never), on `poke()`, and in answer to `reply()` after `replyDelayMs`.
 * @example
 * const backend = new SimulatedBackend({ chatterIntervalMs: 8_000, replyDelayMs: 1_500 });
 * backend.open(response, { userId: "alice", loginId });
 */
export class SimulatedBackend {
  #streams = new Set<Stream>();
  #chatterIntervalMs: number;
  #replyDelayMs: number;

  constructor({ chatterIntervalMs, replyDelayMs }: { chatterIntervalMs: number; replyDelayMs: number }) {
    this.#chatterIntervalMs = chatterIntervalMs;
    this.#replyDelayMs = replyDelayMs;
  }

  /** Starts an event stream on `response` for one login; it ends when the client leaves or the login ends. */
  open(response: ServerResponse, { userId, loginId }: { userId: string; loginId: string }): void {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    response.write("retry: 2000\n\n");
    const stream: Stream = { userId, loginId, response, timers: new Set() };
    this.#streams.add(stream);
    // Proxies and browsers drop silent connections; a comment line every 20 s keeps it open.
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), 20_000);
    stream.timers.add(keepAlive);
    if (this.#chatterIntervalMs > 0) {
      stream.timers.add(setInterval(() => this.#send(stream, this.#smallTalk(userId)), this.#chatterIntervalMs));
    }
    response.on("close", () => this.#close(stream));
  }

  /** Sends a message to every stream of this login now; resolves how many streams got it. */
  poke(loginId: string, { from, body }: { from?: unknown; body?: unknown }): number {
    const streams = [...this.#streams].filter((stream) => stream.loginId === loginId);
    for (const stream of streams) {
      const sender = findDemoUser(from)?.id;
      const message = this.#smallTalk(stream.userId, sender === stream.userId ? undefined : sender);
      this.#send(stream, typeof body === "string" && body !== "" ? { ...message, body } : message);
    }
    return streams.length;
  }

  /** The other participant answers a reply after a short delay. Returns false for a conversation the user is not in. */
  reply(loginId: string, userId: string, conversationId: string): boolean {
    const other = conversationId.split("-").find((id) => id !== userId);
    if (
      other === undefined ||
      findDemoUser(other) === undefined ||
      conversationIdBetween(userId, other) !== conversationId
    )
      return false;
    for (const stream of this.#streams) {
      if (stream.loginId !== loginId) continue;
      const timer = setTimeout(() => {
        stream.timers.delete(timer);
        this.#send(stream, this.#message(other, userId, pick(ANSWERS)));
      }, this.#replyDelayMs);
      stream.timers.add(timer);
    }
    return true;
  }

  /** Ends the streams of a login (on logout), so its user stops receiving messages. */
  endLogin(loginId: string): void {
    for (const stream of [...this.#streams]) if (stream.loginId === loginId) stream.response.end();
  }

  /** Ends every stream and timer (server shutdown). */
  closeAll(): void {
    for (const stream of [...this.#streams]) stream.response.end();
  }

  #smallTalk(recipientId: string, senderId?: string): SimulatedMessage {
    const sender = senderId ?? pick(demoUsers.filter((user) => user.id !== recipientId)).id;
    return this.#message(sender, recipientId, pick(SMALL_TALK));
  }

  #message(senderId: string, recipientId: string, body: string): SimulatedMessage {
    return {
      id: randomUUID(),
      conversationId: conversationIdBetween(senderId, recipientId),
      senderId,
      body,
      timestamp: Date.now(),
    };
  }

  #send(stream: Stream, message: SimulatedMessage): void {
    stream.response.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  #close(stream: Stream): void {
    for (const timer of stream.timers) clearTimeout(timer);
    stream.timers.clear();
    this.#streams.delete(stream);
  }
}
