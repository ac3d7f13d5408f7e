import type { UserSnapshot } from "@talkjs/core";
import { toValue, type MaybeRefOrGetter } from "vue";
import type { LiveQueryRefs } from "./LiveQueryRefs";
import { idleQueryState, useLiveQuery } from "./useLiveQuery";

/**
 * One user, live (`data` is `null` when TalkJS has no such user). `id` may be a value, a ref or a getter: a new id
 * switches the query, `undefined` is `idle` with no subscription.
 *
 * @example
 * const { data: user } = useUser(() => props.userId); // user.value?.name
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useUser(id: MaybeRefOrGetter<string | undefined>): LiveQueryRefs<UserSnapshot | null> {
  const { status, data, loadedAll, error } = useLiveQuery(
    "useUser",
    (talk) => {
      const current = toValue(id);
      return current === undefined ? undefined : talk.user(current);
    },
    idleQueryState,
  );
  return { status, data, loadedAll, error };
}
