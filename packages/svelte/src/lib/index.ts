export { createSessionStore, type SessionStore } from "./createSessionStore.js";
/**
 * Puts a TalkJS session store in context for its children, which read it with `getSessionContext()`.
 * Session options and `on*` callbacks are props; changing them updates the session in place.
 *
 * @example
 * <TalkSession appId="APP_ID" userId="pete" onMessage={(message) => console.log(message.body)}>
 *   <Chat />
 * </TalkSession>
 * @throws TypeError during setup when a prop is invalid, naming the prop.
 */
export { default as TalkSession } from "./TalkSession.svelte";
export { getSessionContext } from "./getSessionContext.js";
export type { TalkSessionProps } from "./TalkSessionProps.js";
// The core's public values and types a user of this framework needs; the same list in every adapter
// (consumers/exports/sharedExports.mjs, checked by `pnpm check:exports`).
export { createTalkSession, SessionError } from "@x/session-core";
export type {
  ChatboxOptions,
  CommonSessionOptions,
  DebugEntry,
  InboxOptions,
  PopupOptions,
  RetryOptions,
  SessionController,
  SessionErrorCode,
  SessionEventHandlers,
  SessionEventName,
  SessionEventProps,
  SessionOptions,
  SessionState,
  SessionStatus,
  SyncUserSessionOptions,
  TalkEventHandlers,
  TalkEventName,
  TalkModule,
  UIBoxConversationOptions,
  UIBoxController,
  UIBoxEventHandlers,
  UIBoxEventName,
  UIBoxKind,
  UIBoxOf,
  UIBoxOptionsOf,
  UIBoxState,
  UIBoxStatus,
  UserIdSessionOptions,
} from "@x/session-core";
