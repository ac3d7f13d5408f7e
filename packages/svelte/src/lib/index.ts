export { createSessionStore, type SessionStore } from "./createSessionStore.js";
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
