import type Talk from "talkjs";
import type { SessionState } from "@x/session-core";
import { useSessionSelector } from "./useSessionSelector";

const liveSession = (state: SessionState) => state.session;

/**
 * The live `Talk.Session` of the nearest `<Session>`, or `undefined` while loading, failed or destroyed.
 *
 * @example
 * const session = useSession();
 * useEffect(() => session?.createInbox().mount(inboxElement.current), [session]);
 * @throws Error when used outside a `<Session>`.
 */
export function useSession(): Talk.Session | undefined {
  return useSessionSelector("useSession", liveSession);
}
