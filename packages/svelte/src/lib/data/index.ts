// The live-data entry, `@x/session-svelte/data`: TalkJS's Data API (`@talkjs/core`) as a store, a component and
// query stores. Svelte 4 apps import `@x/session-svelte/data/store`, the same without the Svelte 5 component.
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
/**
 * Puts a TalkJS data session store in context for its children, which read it with `getDataSessionContext()`.
 * Options are props; only a new `appId` or `userId` starts a new TalkJS session.
 *
 * @example
 * <TalkDataSession appId="APP_ID" userId="pete" tokenFetcher={fetchToken}>
 *   <ConversationList />
 * </TalkDataSession>
 * @throws TypeError during setup when a prop is invalid or unknown, naming the prop.
 */
export { default as TalkDataSession } from "./TalkDataSession.svelte";
export { getDataSessionContext } from "./getDataSessionContext.js";
export type { TalkDataSessionProps } from "./TalkDataSessionProps.js";
