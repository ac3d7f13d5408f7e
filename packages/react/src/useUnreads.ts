import type Talk from "talkjs";
import type { SessionState } from "@x/session-core";
import { useSessionSelector } from "./useSessionSelector";

const latestUnreads = (state: SessionState) => state.unreads;

/**
 * The unread conversations TalkJS last reported for the nearest `<Session>`; `undefined` until the first report.
 *
 * @example
 * const unreads = useUnreads();
 * return <span className="badge">{unreads?.length ?? 0}</span>;
 * @throws Error when used outside a `<Session>`.
 */
export function useUnreads(): readonly Talk.UnreadConversation[] | undefined {
  return useSessionSelector("useUnreads", latestUnreads);
}
