import type { registerPolyfills } from "@talkjs/core";
import type { FakeSeed, FakeSeedConversation, FakeSeedMessage, FakeSeedUser } from "../shared/FakeBackend.js";
import type { FakeTalkSession, FakeTalkSessionOptions } from "./FakeTalkSession.js";

/**
 * A fake `@talkjs/core` module (`getTalkSession`, `registerPolyfills`) plus controls that play TalkJS's server:
 * data, typing, presence, the connection, tokens, and inspection of what the app did.
 * @example
 * const core = createFakeCore({ seed: { conversations: [{ id: "c1", participants: ["pete", "sam"] }] } });
 * const session = core.getTalkSession({ appId: "test-app", userId: "pete" });
 * core.publishMessage("c1", { senderId: "sam", text: "Hi" });
 */
export interface FakeCore {
  /** TalkJS's registry: the same session per `appId:userId` until `forceCreateNew: true` registers a new one. */
  getTalkSession(options: FakeTalkSessionOptions): FakeTalkSession;
  /** Records the polyfills; the fake needs no WebSocket. */
  registerPolyfills(polyfills: Parameters<typeof registerPolyfills>[0]): void;

  /** How long the "server" takes to answer, in ms; may be changed at any time. */
  latencyMs: number;
  /** Adds or updates users and conversations (with their messages). */
  seed(seed: FakeSeed): void;
  addUser(user: FakeSeedUser): void;
  addConversation(conversation: FakeSeedConversation): void;
  /** Someone sends a message (a system message without `senderId`); returns its id. */
  publishMessage(conversationId: string, message: FakeSeedMessage): string;
  /** Shows or hides a typing indicator; `typing: true` lasts until `false`, their next message or 10 s. */
  setTyping(conversationId: string, userId: string, typing: boolean): void;
  setOnline(userId: string, online: boolean): void;
  /** Drops every websocket: nothing is delivered, requests wait. */
  disconnect(): void;
  /** Brings them back after the latency; every window shrinks back to its first page. */
  reconnect(): void;
  /** Whether the network is up (`disconnect()` makes it `false`). */
  readonly networkUp: boolean;
  /** The server stops accepting a session's token (default: the latest live session's). */
  expireToken(session?: FakeTalkSession): void;
  /** The next token checked is refused, whatever it is. */
  refuseNextToken(reason?: string): void;
  /** The server ends a session (default: the latest live one): its `onError` handlers run once. */
  terminate(session?: FakeTalkSession, error?: Error): void;
  /** The next `send()` rejects with this error. */
  failNextSend(error?: Error): void;
  /** The next subscription to start goes to `error` with this error instead of `active`. */
  failNextSubscription(error?: Error): void;

  /** Every session created, in order, ended ones included. */
  readonly sessions: readonly FakeTalkSession[];
  liveSessions(): FakeTalkSession[];
  /** The most sessions alive at the same moment, ever. */
  peakLiveSessions(): number;
  /** Subscriptions not unsubscribed, over every session (those left `active` by an ended session included). */
  subscriptionCount(): number;
  /** `setToken` calls over every session. */
  setTokenCalls(): number;
  /** `onNeedToken` (and legacy `tokenFetcher`) calls over every session. */
  needTokenCalls(): number;
  /** What `registerPolyfills` was given, in order. */
  readonly polyfills: readonly Parameters<typeof registerPolyfills>[0][];
}
