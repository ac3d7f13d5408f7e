export { TalkSession } from "./TalkSession";
export type { TalkSessionExposed, TalkSessionProps, TalkSessionSlotProps } from "./TalkSessionProps";
export { useSession } from "./useSession";
export { useUnreads } from "./useUnreads";
export { useSessionState } from "./useSessionState";
export {
  createTalkSession,
  SessionError,
  type SessionController,
  type SessionOptions,
  type SessionState,
  type SessionStatus,
} from "@x/session-core";
