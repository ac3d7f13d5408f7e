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
export type {
  SessionController,
  SessionError,
  SessionEventProps,
  SessionOptions,
  SessionState,
  SessionStatus,
} from "@x/session-core";
