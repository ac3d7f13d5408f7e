// The live-data entry, `@x/session-vue/data`: TalkJS's Data API (`@talkjs/core`) as a provider and composables.
export { TalkDataSession } from "./TalkDataSession";
export type { TalkDataSessionExposed, TalkDataSessionProps, TalkDataSessionSlotProps } from "./TalkDataSessionProps";
export { useDataSession } from "./useDataSession";
export { useDataSessionState } from "./useDataSessionState";
export { useConversations } from "./useConversations";
export { useConversation } from "./useConversation";
export { useMessages } from "./useMessages";
export { useParticipants } from "./useParticipants";
export { useTyping } from "./useTyping";
export { useUser } from "./useUser";
export { useOnline } from "./useOnline";
export { useSend } from "./useSend";
export type { LiveQueryRefs, MessagesRefs, PagedLiveQueryRefs, SendFunction } from "./LiveQueryRefs";
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
