// The component-free live-data entry, `@x/session-svelte/data/store`: Svelte 4 cannot compile `<TalkDataSession>`.
export { createDataSessionStore, type DataSessionStore } from "./createDataSessionStore.js";
export type { QueryStore } from "./queryStore.js";
export { conversationsStore, type ConversationsStore } from "./conversationsStore.js";
export { conversationStore } from "./conversationStore.js";
export { messagesStore, type MessagesStore } from "./messagesStore.js";
export { participantsStore, type ParticipantsStore } from "./participantsStore.js";
export { typingStore } from "./typingStore.js";
export { userStore } from "./userStore.js";
export { onlineStore } from "./onlineStore.js";
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
