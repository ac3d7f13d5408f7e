export { createSessionStore, type SessionStore } from "./createSessionStore.js";
/**
 * Puts a TalkJS session store in context for its children, which read it with `getSessionContext()`.
 * Session options and `on*` callbacks are props; changing them updates the session in place.
 *
 * @example
 * <TalkSession appId="APP_ID" userId="pete" onMessage={(message) => console.log(message.body)}>
 *   <Chat />
 * </TalkSession>
 * @throws TypeError during setup when a prop is invalid, naming the prop.
 */
export { default as TalkSession } from "./TalkSession.svelte";
export { getSessionContext } from "./getSessionContext.js";
export type { TalkSessionProps } from "./TalkSessionProps.js";
/**
 * A TalkJS Chatbox inside `<TalkSession>`: one box for the component's life; a new `conversationId` is a `select()`
 * on it, setter-backed options use their setters, a user switch moves it to the new session in the same element.
 *
 * @example
 * <TalkChatbox conversationId="order-1234" style="height: 500px" onSendMessage={(event) => console.log(event.message.text)} />
 * @throws Error during setup outside a `<TalkSession>`.
 */
export { default as TalkChatbox } from "./TalkChatbox.svelte";
export type { TalkChatboxProps } from "./TalkChatboxProps.js";
/**
 * A TalkJS Inbox inside `<TalkSession>`: one box for the component's life; options with a setter (`feedFilter`,
 * `messageFilter`, ...) and a new `conversationId` apply in place, a user switch moves it to the new session.
 *
 * @example
 * <TalkInbox class="inbox" onConversationSelected={(event) => console.log(event.conversation?.id)} />
 * @throws Error during setup outside a `<TalkSession>`.
 */
export { default as TalkInbox } from "./TalkInbox.svelte";
export type { TalkInboxProps } from "./TalkInboxProps.js";
/**
 * A TalkJS Popup inside `<TalkSession>`: TalkJS places it, so it renders nothing; `show` opens and closes it in place
 * (absent means open), a new `conversationId` is a `select()`, a user switch moves it to the new session.
 *
 * @example
 * <TalkPopup conversationId="order-1234" show={open} onClose={() => (open = false)} />
 * @throws Error during setup outside a `<TalkSession>`.
 */
export { default as TalkPopup } from "./TalkPopup.svelte";
export type { TalkPopupProps } from "./TalkPopupProps.js";
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
