// The component-free entry, `@x/session-svelte/store`: Svelte 4 cannot compile the Svelte 5 `<TalkSession>`.
export { createSessionStore, type SessionStore } from "./createSessionStore.js";
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
