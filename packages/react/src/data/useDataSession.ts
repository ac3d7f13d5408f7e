import type { TalkSession } from "@talkjs/core";
import type { DataSessionState } from "@x/session-core/data";
import { useDataSessionSelector } from "./useDataSessionSelector";

const liveSession = (state: DataSessionState) => state.session;

/**
 * The live `TalkSession` of the nearest `<DataSession>` (from `@talkjs/core`), or `undefined` while loading, failed
 * or destroyed. Re-renders only when the session itself changes.
 *
 * @example
 * const session = useDataSession();
 * const markRead = () => session?.conversation("order-1").markAsRead();
 * @throws Error when used outside a `<DataSession>`.
 */
export function useDataSession(): TalkSession | undefined {
  return useDataSessionSelector("useDataSession", liveSession);
}
