import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { conversationIdBetween, demoUsers, findDemoUser, type SimulatedMessage } from "@x/example-shared/demoUsers";
import { CHAT_LINES } from "./chatLines.js";
import { chatterDelayMs } from "./chatterDelayMs.js";
import { DataWorld } from "./DataWorld.js";
import { ShuffleBag } from "./ShuffleBag.js";

/** How often a message gets a quick second one from the same person, and how long that takes (share of the average). */
const FOLLOW_UP_CHANCE = 0.25;
const FOLLOW_UP_DELAY = { min: 0.15, max: 0.4 };
/** How long a simulated user is seen typing before a message of theirs (at most; shorter pauses type the whole pause). */
const TYPING_LEAD_MS = 2_000;
/** How often a chatter message sees the third demo user go offline (the writer comes online to write). */
const AWAY_CHANCE = 0.3;

/** One login (a cookie) and its open event streams: every tab of that login sees the same messages. */
interface Login {
  readonly userId: string;
  readonly streams: Set<ServerResponse>;
  /** Chatter, follow-ups and answers waiting to be sent; cleared when the last stream closes. */
  readonly timers: Set<NodeJS.Timeout>;
  readonly openers: ShuffleBag<string>;
  readonly followUps: ShuffleBag<string>;
  readonly answers: ShuffleBag<string>;
}

/**
 * The offline stand-in for TalkJS's servers: other demo users write to whoever is logged in, over Server-Sent Events,
 * at an uneven pace around `chatterIntervalMs` (0: never), on `poke()`, and in answer to `reply()` after `replyDelayMs`.
 * Every stream of one login (one per tab) gets the same messages. The same messages, typing before them and presence
 * also go to `world`, the data behind the custom-UI views, which every stream receives as `event: data`.
 * @example
 * const backend = new SimulatedBackend({ chatterIntervalMs: 10_000, replyDelayMs: 1_500 });
 * backend.open(response, { userId: "alice", loginId });
 */
export class SimulatedBackend {
  #logins = new Map<string, Login>();
  #chatterIntervalMs: number;
  #replyDelayMs: number;
  #random: () => number;
  /** The conversations, presence and typing of the custom-UI views, shared by every login. */
  readonly world: DataWorld;

  constructor({
    chatterIntervalMs,
    replyDelayMs,
    random = Math.random,
    world = new DataWorld(),
  }: {
    chatterIntervalMs: number;
    replyDelayMs: number;
    /** Where the randomness (lines, senders, pauses) comes from; tests may fix it. */
    random?: () => number;
    world?: DataWorld;
  }) {
    this.#chatterIntervalMs = chatterIntervalMs;
    this.#replyDelayMs = replyDelayMs;
    this.#random = random;
    this.world = world;
  }

  /** Starts an event stream on `response` for one login; it ends when the client leaves or the login ends. */
  open(response: ServerResponse, { userId, loginId }: { userId: string; loginId: string }): void {
    response.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    });
    response.write("retry: 2000\n\n");
    let login = this.#logins.get(loginId);
    if (login === undefined) {
      login = {
        userId,
        streams: new Set(),
        timers: new Set(),
        openers: new ShuffleBag(CHAT_LINES.openers, this.#random),
        followUps: new ShuffleBag(CHAT_LINES.followUps, this.#random),
        answers: new ShuffleBag(CHAT_LINES.answers, this.#random),
      };
      this.#logins.set(loginId, login);
      this.#scheduleChatter(login);
    }
    login.streams.add(response);
    this.world.join(response, userId);
    // Proxies and browsers drop silent connections; a comment line every 20 s keeps it open.
    const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), 20_000);
    response.on("close", () => {
      clearInterval(keepAlive);
      this.#close(loginId, response);
    });
  }

  /** Sends a message to every stream of this login now; resolves how many streams got it. */
  poke(loginId: string, { from, body }: { from?: unknown; body?: unknown }): number {
    const login = this.#logins.get(loginId);
    if (login === undefined) return 0;
    const sender = findDemoUser(from)?.id;
    const message = this.#opener(login, sender === login.userId ? undefined : sender);
    this.#send(login, typeof body === "string" && body !== "" ? { ...message, body } : message);
    return login.streams.size;
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
    const login = this.#logins.get(loginId);
    if (login !== undefined) {
      this.world.setTyping(conversationId, other, true);
      this.#later(login, this.#replyDelayMs, () =>
        this.#send(login, this.#message(other, userId, login.answers.next())),
      );
    }
    return true;
  }

  /** Ends the streams of a login (on logout), so its user stops receiving messages. */
  endLogin(loginId: string): void {
    for (const stream of [...(this.#logins.get(loginId)?.streams ?? [])]) stream.end();
  }

  /** Ends every stream and timer (server shutdown). */
  closeAll(): void {
    for (const loginId of [...this.#logins.keys()]) this.endLogin(loginId);
  }

  #scheduleChatter(login: Login): void {
    if (this.#chatterIntervalMs <= 0) return;
    const message = this.#opener(login);
    const delayMs = chatterDelayMs(this.#chatterIntervalMs, this.#random);
    // The writer comes online and types for a moment before the message arrives.
    this.#later(login, Math.max(0, delayMs - TYPING_LEAD_MS), () => {
      this.world.setOnline(message.senderId, true);
      this.world.setTyping(message.conversationId, message.senderId, true);
    });
    this.#later(login, delayMs, () => {
      this.#send(login, { ...message, timestamp: Date.now() });
      // Now and then someone else leaves, so presence changes both ways.
      const bystander = demoUsers.find((user) => user.id !== login.userId && user.id !== message.senderId);
      if (bystander !== undefined && this.#random() < AWAY_CHANCE) this.world.setOnline(bystander.id, false);
      if (this.#random() >= FOLLOW_UP_CHANCE) {
        this.#scheduleChatter(login);
        return;
      }
      // The same person adds a line, and only then does the next message come.
      const { min, max } = FOLLOW_UP_DELAY;
      this.#later(login, this.#chatterIntervalMs * (min + this.#random() * (max - min)), () => {
        this.#send(login, this.#message(message.senderId, login.userId, login.followUps.next()));
        this.#scheduleChatter(login);
      });
    });
  }

  #later(login: Login, delayMs: number, action: () => void): void {
    const timer = setTimeout(() => {
      login.timers.delete(timer);
      action();
    }, delayMs);
    login.timers.add(timer);
  }

  #opener(login: Login, senderId?: string): SimulatedMessage {
    const others = demoUsers.filter((user) => user.id !== login.userId);
    const sender = senderId ?? others[Math.floor(this.#random() * others.length)]?.id ?? "";
    return this.#message(sender, login.userId, login.openers.next());
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

  #send(login: Login, message: SimulatedMessage): void {
    this.world.publish(message);
    for (const stream of login.streams) stream.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  #close(loginId: string, stream: ServerResponse): void {
    const login = this.#logins.get(loginId);
    if (login === undefined) return;
    login.streams.delete(stream);
    if (login.streams.size > 0) return;
    for (const timer of login.timers) clearTimeout(timer);
    login.timers.clear();
    this.#logins.delete(loginId);
  }
}
