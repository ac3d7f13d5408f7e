export { createDataSession } from "./createDataSession";
export { validateDataOptions } from "./validateDataOptions";
export type {
  ConversationQuery,
  ConversationsOptions,
  ConversationsQuery,
  CoreModule,
  DataSessionController,
  DataSessionOptions,
  DataSessionState,
  LiveQuery,
  LiveQueryState,
  LiveQueryStatus,
  MessagesQuery,
  MessagesState,
  OnlineQuery,
  PagedLiveQuery,
  PageOptions,
  ParticipantsQuery,
  PendingMessage,
  SendParams,
  TypingQuery,
  UserQuery,
} from "./types";
export { SessionError, type SessionErrorCode } from "../machine/SessionError";
export { connectOwned } from "../adapters/connectOwned";
