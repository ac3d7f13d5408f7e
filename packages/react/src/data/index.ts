export { DataSession } from "./DataSession";
export type { DataSessionProps } from "./DataSessionProps";
export { useDataSession } from "./useDataSession";
export { useDataSessionState } from "./useDataSessionState";
export { useDataSessionController } from "./useDataSessionController";
export { useConversations } from "./useConversations";
export { useConversation } from "./useConversation";
export { useMessages } from "./useMessages";
export { useParticipants } from "./useParticipants";
export { useTyping } from "./useTyping";
export { useUser } from "./useUser";
export { useOnline } from "./useOnline";
export { useSend } from "./useSend";
export type { UsePagedQueryResult } from "./UsePagedQueryResult";
export type { UseMessagesResult } from "./UseMessagesResult";
// The core's data values and types a user of this entry needs.
export { createDataSession, SessionError } from "@x/session-core/data";
export type {
  ConversationsOptions,
  CoreModule,
  DataSessionController,
  DataSessionOptions,
  DataSessionState,
  LiveQueryState,
  LiveQueryStatus,
  MessagesState,
  PageOptions,
  PendingMessage,
  SendParams,
  SessionErrorCode,
} from "@x/session-core/data";
