import type { UserOnlineSnapshot } from "@talkjs/core";
import { toValue, type MaybeRefOrGetter } from "vue";
import type { LiveQueryRefs } from "./LiveQueryRefs";
import { idleQueryState, useLiveQuery } from "./useLiveQuery";

/**
 * Whether a user is online, live (TalkJS's `UserOnlineSnapshot`: `isConnected`). `userId` may be a value, a ref or a
 * getter: a new id switches the query, `undefined` is `idle` with no subscription.
 *
 * @example
 * const { data: online } = useOnline(() => props.userId); // online.value?.isConnected
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useOnline(userId: MaybeRefOrGetter<string | undefined>): LiveQueryRefs<UserOnlineSnapshot | null> {
  const { status, data, loadedAll, error } = useLiveQuery(
    "useOnline",
    (talk) => {
      const current = toValue(userId);
      return current === undefined ? undefined : talk.online(current);
    },
    idleQueryState,
  );
  return { status, data, loadedAll, error };
}
