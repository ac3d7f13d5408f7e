import type Talk from "talkjs";
import type { FakeSession } from "./FakeSession.js";

/**
 * What `verifyToken` is asked to check a token against.
 * @example
 * const verifyToken = async (token: string, { appId, userId }: FakeTokenClaims) => myBackend.verify(token, appId, userId);
 */
export interface FakeTokenClaims {
  appId: string;
  userId: string;
}

/**
 * How a fake behaves; every option is optional and the defaults make a fake that loads and accepts anyone.
 * `secret` turns on HS256 JWT checks, `appIds` restricts app ids, `ready` and `readyDelayMs` shape the SDK load.
 * @example
 * const talk = createFakeTalk({ secret: "s3cret", appIds: ["test-app"], ready: "manual" });
 */
export interface FakeTalkOptions {
  /** When set, tokens must be HS256 JWTs signed with it: `tokenType: "user"`, `iss` = appId, `sub` = user id, future `exp`. */
  secret?: string;
  /**
   * Checks a token instead of `secret` (which must then stay out of the browser): resolve `true` to accept it.
   * The demo passes one that asks its server; a rejection or `false` leaves the session unauthenticated.
   */
  verifyToken?: (token: string, claims: FakeTokenClaims) => boolean | Promise<boolean>;
  /**
   * The name TalkJS's servers have for a user. A session created with only a `userId` has a `me` without a name; the
   * fake's boxes show this name instead of the id (default: the id).
   */
  userName?: (userId: string) => string | undefined;
  /**
   * The user ids TalkJS's servers have in a conversation. A box titles a conversation without a subject by the other
   * participants' names (through `userName`), as TalkJS does; without this option, by its id.
   */
  participants?: (conversationId: string) => readonly string[] | undefined;
  /**
   * Called when a box on screen shows a conversation that was unread: TalkJS marks it read, so the fake drops it from
   * the session's unreads. A simulated backend clears its own count here.
   */
  onRead?: (conversationId: string, session: FakeSession) => void;
  /** Called with the message after someone sends it from a mounted fake Inbox/Chatbox (it is also emitted locally). */
  onSend?: (message: Talk.Message, session: FakeSession) => void | Promise<void>;
  /** When set, only these app ids are valid; sessions of other apps are constructed but never authenticated. */
  appIds?: string[];
  /** How `ready` settles: "resolve" (default), "manual" (`resolveReady()`/`rejectReady()`), "never", or "reject". */
  ready?: "resolve" | "manual" | "never" | "reject";
  /** Delay in ms before "resolve"/"reject" settles, counted from the first read of `ready`. Default 0 (next macrotask). */
  readyDelayMs?: number;
  /** How long before a token's `exp` the session calls its `tokenFetcher`. Default 10 000 ms. */
  refreshBeforeExpiryMs?: number;
  /** How long a box's `mount()` takes to settle, in ms. Default 0 (a later microtask); `Infinity` never settles. */
  mountDelayMs?: number;
  /** How long a box's `select()` takes to settle, in ms. Default 0 (a later microtask); `Infinity` never settles. */
  selectDelayMs?: number;
  /** The browser's notification permission as the session sees it. Default "granted". */
  notificationPermission?: "granted" | "denied" | "unsupported";
}
