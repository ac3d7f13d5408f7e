import type { TypingQuery } from "@x/session-core/data";
import type { SessionError, SessionErrorCode, SessionState, SessionStatus } from "@x/session-core";
import type Talk from "talkjs";
import { offlineSetupProblem } from "./offlineTalk";

const STATUS_TEXT: Record<SessionStatus, string> = {
  idle: "Not connected",
  loading: "Connecting…",
  ready: "Connected",
  error: "Something went wrong",
  destroyed: "Logged out",
};

/**
 * The words every app shows for a session status.
 * @example
 * statusText(controller.getState().status); // "Connected"
 */
export function statusText(status: SessionStatus): string {
  return STATUS_TEXT[status];
}

/**
 * What a card shows in place of its Inbox or Chatbox until the box is mounted: in `error` there is no session to wait
 * for, so it points at the Retry button instead of promising the box.
 * @example
 * boxHint("Inbox", state.status); // "The Inbox appears when the session is ready."
 */
export function boxHint(box: "Inbox" | "Chatbox", status: SessionStatus): string {
  return status === "error"
    ? `No ${box} without a session: press Retry above to connect again.`
    : `The ${box} appears when the session is ready.`;
}

/**
 * The number on the unread badge: unread messages over all conversations (0 before TalkJS reported any).
 * @example
 * unreadMessageCount(state.unreads); // 3
 */
export function unreadMessageCount(unreads: SessionState["unreads"]): number {
  return (unreads ?? []).reduce((total, conversation) => total + conversation.unreadMessageCount, 0);
}

const ERROR_ADVICE: Record<SessionErrorCode, string> = {
  "sdk-load-failed":
    "The TalkJS script could not be loaded: the network, an ad blocker or a Content-Security-Policy blocked it.",
  "sdk-load-timeout": "The TalkJS script took too long to load. Check the connection.",
  "session-create-failed": "TalkJS refused the session: check the app id and that the user exists.",
  "token-fetch-failed": "The token endpoint did not answer with a token. Are you still logged in?",
  "invalid-token": "The token endpoint answered with something that is not a valid token.",
  "desktop-notifications-failed": "Desktop notifications could not be turned on (the browser refused the permission).",
  "handler-failed": "One of the app's event handlers threw; see the console.",
  "ui-failed": "The chat UI (Inbox, Chatbox or Popup) could not be shown; see the console.",
  "session-terminated": "TalkJS ended the session. Retry starts a new one.",
  "query-failed": "TalkJS refused to load or send some of the chat data; see the console.",
};

/**
 * A sentence for the error panel that says what went wrong in the user's terms. When the offline demo's service worker
 * is not in place, the SDK errors also say so (it is the usual cause there, and otherwise only the console tells).
 * @example
 * errorAdvice(state.error); // "The TalkJS script could not be loaded: ..."
 */
export function errorAdvice(error: SessionError): string {
  const setupProblem =
    error.code === "sdk-load-failed" || error.code === "sdk-load-timeout" ? offlineSetupProblem() : undefined;
  return setupProblem === undefined ? ERROR_ADVICE[error.code] : `${ERROR_ADVICE[error.code]} ${setupProblem}`;
}

/**
 * The one time format of the demo, the same as the offline Inbox's: hours and minutes.
 * @example
 * formatTime(message.timestamp); // "03:53 PM"
 */
export function formatTime(time: Date | number): string {
  return new Date(time).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * Who wrote a message, for the live feed: "You", the sender's name, or their id.
 * @example
 * `${senderName(message)}: ${message.body}`;
 */
export function senderName(message: Talk.Message): string {
  if (message.isByMe) return "You";
  return message.sender?.name ?? message.senderId ?? "System";
}

/**
 * A short message for a failed login, user switch or logout: the action and what went wrong.
 * @example
 * describeFailure("switch user", error); // "Could not switch user: /api/login answered 500."
 */
export function describeFailure(action: string, error: unknown): string {
  return `Could not ${action}: ${error instanceof Error ? error.message : String(error)}`;
}

type TypingState = ReturnType<TypingQuery["getState"]>;

/**
 * What the custom-UI views show under the messages while others type: "Bob Okafor is typing…", "Bob Okafor and
 * Carol Díaz are typing…", "Several people are typing…", or "" when nobody does.
 * @example
 * typingText(typingState.data); // "Bob Okafor is typing…"
 */
export function typingText(typing: TypingState["data"]): string {
  if (typing === null || typing === undefined) return "";
  if (typing.many) return "Several people are typing…";
  const names = typing.users.map((user) => user.name);
  if (names.length === 0) return "";
  if (names.length === 1) return `${names[0]} is typing…`;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)} are typing…`;
}

/**
 * The custom UIs' `markAsRead()` catch: a read the session's end (logout, user switch, TalkJS ending it) cut short is
 * harmless (the next session reads the conversation again), so it is not an unhandled rejection.
 * @example
 * session.conversation(id).markAsRead().catch(ignoreLostRead);
 */
export function ignoreLostRead(): void {}
