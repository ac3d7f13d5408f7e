export { Session } from "./Session";
export type { SessionProps } from "./SessionProps";
export { useSession } from "./useSession";
export { useUnreads } from "./useUnreads";
export { useSessionState } from "./useSessionState";
export { useSessionController } from "./useSessionController";
export { Chatbox } from "./Chatbox";
export type { ChatboxProps } from "./ChatboxProps";
export { Inbox } from "./Inbox";
export type { InboxProps } from "./InboxProps";
export { Popup } from "./Popup";
export type { PopupProps } from "./PopupProps";
// The core's public values and types a user of this framework needs; the same list in every adapter
// (consumers/exports/sharedExports.mjs, checked by `pnpm check:exports`).
export { createChatbox, createInbox, createPopup, createTalkSession, SessionError } from "@x/session-core";
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
  TokenFetcher,
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
