export { TalkSession } from "./TalkSession";
export type { TalkSessionExposed, TalkSessionProps, TalkSessionSlotProps } from "./TalkSessionProps";
export { useSession } from "./useSession";
export { useUnreads } from "./useUnreads";
export { useSessionState } from "./useSessionState";
export { TalkChatbox } from "./TalkChatbox";
export type { TalkChatboxExposed, TalkChatboxProps } from "./TalkChatboxProps";
export { TalkInbox } from "./TalkInbox";
export type { TalkInboxExposed, TalkInboxProps } from "./TalkInboxProps";
export { TalkPopup } from "./TalkPopup";
export type { TalkPopupExposed, TalkPopupProps } from "./TalkPopupProps";
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
