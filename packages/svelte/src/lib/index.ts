export { createSessionStore, type SessionStore } from "./createSessionStore";
export { default as TalkSession } from "./TalkSession.svelte";
export { getSessionContext } from "./getSessionContext";
export type { TalkSessionProps } from "./TalkSessionProps";
export type {
  SessionController,
  SessionError,
  SessionEventProps,
  SessionOptions,
  SessionState,
  SessionStatus,
} from "@x/session-core";
