export { Session } from "./Session";
export type { SessionProps } from "./SessionProps";
export { useSession } from "./useSession";
export { useUnreads } from "./useUnreads";
export { useSessionState } from "./useSessionState";
export { useSessionController } from "./useSessionController";
export { createTalkSession, SessionError } from "@x/session-core";
export type {
  SessionController,
  SessionErrorCode,
  SessionEventProps,
  SessionOptions,
  SessionState,
  SessionStatus,
} from "@x/session-core";
