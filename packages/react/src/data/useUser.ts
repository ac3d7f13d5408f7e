import type { UserSnapshot } from "@talkjs/core";
import type { LiveQueryState } from "@x/session-core/data";
import { idleQueryState } from "./idleQueryState";
import { useLiveQueryState } from "./useLiveQueryState";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";

/**
 * A user, live: `data` is TalkJS's `UserSnapshot`, `null` when the user does not exist. An `undefined` id is `idle`
 * and subscribes to nothing.
 *
 * @example
 * const { data: user } = useUser("sam");
 * @throws Error when used outside a `<DataSession>`.
 */
export function useUser(id: string | undefined): LiveQueryState<UserSnapshot | null> {
  const controller = useRequiredDataSessionController("useUser");
  return useLiveQueryState(id === undefined ? undefined : controller.user(id), idleQueryState);
}
