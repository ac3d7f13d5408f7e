export { createTalkSession } from "./createTalkSession";
export { SessionError, type SessionErrorCode } from "./SessionError";
export { validateSessionOptions } from "./validateOptions";
export { talkScriptUrl } from "./loadTalk";
export type {
  CommonSessionOptions,
  DebugEntry,
  RetryOptions,
  SessionController,
  SessionEventHandlers,
  SessionEventName,
  SessionOptions,
  SessionState,
  SessionStatus,
  SyncUserSessionOptions,
  TalkEventHandlers,
  TalkEventName,
  TalkModule,
  TokenFetcher,
  UserIdSessionOptions,
} from "./types";
export { bindEventProps, type EventPropsBinding } from "./bindEventProps";
export { connectOwned } from "./connectOwned";
export { eventNameOfProp, type SessionEventProps } from "./sessionEventProps";
export { pickSessionOptions } from "./pickSessionOptions";
export { sessionOptionNames } from "./sessionOptionNames";
export { createChatbox } from "./createChatbox";
export { createInbox } from "./createInbox";
export { createPopup } from "./createPopup";
export type {
  ChatboxOptions,
  InboxOptions,
  PopupOptions,
  UIBoxComponentProps,
  UIBoxConversationOptions,
  UIBoxConversationProps,
  UIBoxController,
  UIBoxEventHandlers,
  UIBoxEventName,
  UIBoxKind,
  UIBoxOf,
  UIBoxOptionsOf,
  UIBoxState,
  UIBoxStatus,
} from "./uiBoxTypes";
