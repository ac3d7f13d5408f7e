import type { UserOnlineSnapshot } from "@talkjs/core";
import type { LiveQueryState } from "@x/session-core/data";
import { idleQueryState } from "./idleQueryState";
import { useLiveQueryState } from "./useLiveQueryState";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";

/**
 * Whether a user is online, live: `data` is TalkJS's `UserOnlineSnapshot` (`data?.isConnected`). An `undefined` id
 * is `idle` and subscribes to nothing.
 *
 * @example
 * const online = useOnline("sam").data?.isConnected ?? false;
 * @throws Error when used outside a `<DataSession>`.
 */
export function useOnline(userId: string | undefined): LiveQueryState<UserOnlineSnapshot | null> {
  const controller = useRequiredDataSessionController("useOnline");
  return useLiveQueryState(userId === undefined ? undefined : controller.online(userId), idleQueryState);
}
