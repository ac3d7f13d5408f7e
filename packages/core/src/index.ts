export { createTalkSession } from "./classic/createTalkSession";
export { SessionError, type SessionErrorCode } from "./machine/SessionError";
export { validateSessionOptions } from "./classic/validateOptions";
export { talkScriptUrl } from "./classic/loadTalk";
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
} from "./classic/types";
export { bindEventProps, type EventPropsBinding } from "./adapters/bindEventProps";
export { connectOwned } from "./adapters/connectOwned";
export { eventNameOfProp, type SessionEventProps } from "./adapters/sessionEventProps";
export { pickSessionOptions } from "./adapters/pickSessionOptions";
export { sessionOptionNames } from "./adapters/sessionOptionNames";
export { createChatbox } from "./boxes/createChatbox";
export { createInbox } from "./boxes/createInbox";
export { createPopup } from "./boxes/createPopup";
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
} from "./boxes/uiBoxTypes";
