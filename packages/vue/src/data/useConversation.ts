import type { ConversationSnapshot } from "@talkjs/core";
import { toValue, type MaybeRefOrGetter } from "vue";
import type { LiveQueryRefs } from "./LiveQueryRefs";
import { idleQueryState, useLiveQuery } from "./useLiveQuery";

/**
 * One conversation, live (`data` is `null` when it does not exist or the user may not see it). `id` may be a value, a
 * ref or a getter: a new id switches the query, `undefined` is `idle` with no subscription.
 *
 * @example
 * const { status, data: conversation } = useConversation(() => route.params.id as string);
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useConversation(id: MaybeRefOrGetter<string | undefined>): LiveQueryRefs<ConversationSnapshot | null> {
  const { status, data, loadedAll, error } = useLiveQuery(
    "useConversation",
    (talk) => {
      const current = toValue(id);
      return current === undefined ? undefined : talk.conversation(current);
    },
    idleQueryState,
  );
  return { status, data, loadedAll, error };
}
