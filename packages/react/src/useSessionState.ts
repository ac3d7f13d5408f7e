import type { SessionState } from "@x/session-core";
import { useSessionSelector } from "./useSessionSelector";

const wholeState = (state: SessionState) => state;

/**
 * The nearest `<Session>`'s state: `{ status, session, unreads, error }`, an immutable snapshot.
 *
 * @example
 * const { status, error } = useSessionState();
 * if (status === "error") return <p>Chat is unavailable: {error?.message}</p>;
 * @throws Error when used outside a `<Session>`.
 */
export function useSessionState(): SessionState {
  return useSessionSelector("useSessionState", wholeState);
}
