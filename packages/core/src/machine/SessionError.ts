/**
 * Why a session failed, as `SessionError.code`. `desktop-notifications-failed`, `handler-failed`, `ui-failed` (a
 * Chatbox, Inbox or Popup failed to mount or select) and `query-failed` (TalkJS refused a live query) are non-fatal:
 * they reach the `error` event but leave the status as it was. `session-terminated`: TalkJS ended a data session.
 *
 * @example
 * const isFatal = (code: SessionErrorCode) => code !== "desktop-notifications-failed" && code !== "handler-failed";
 */
export type SessionErrorCode =
  | "sdk-load-failed"
  | "sdk-load-timeout"
  | "session-create-failed"
  | "token-fetch-failed"
  | "invalid-token"
  | "desktop-notifications-failed"
  | "handler-failed"
  | "ui-failed"
  | "session-terminated"
  | "query-failed";

/**
 * A fault of the session, reported through the `error` state and the `error` event.
 * The message says what went wrong and what to do; it never contains a token.
 *
 * @example
 * talk.on("error", (error) => {
 *   if (error.code === "sdk-load-failed") showBanner("Chat is blocked on this network.");
 * });
 */
export class SessionError extends Error {
  // Declared, then set in the constructor: a class field would make the build emit a defineProperty helper.
  declare readonly name: "SessionError";
  declare readonly code: SessionErrorCode;

  /** `message` explains the fault in development builds; production builds pass none, and the message is the code. */
  constructor(code: SessionErrorCode, message?: string | false, options?: { cause?: unknown }) {
    super(message || code, options);
    this.name = "SessionError";
    this.code = code;
  }
}
