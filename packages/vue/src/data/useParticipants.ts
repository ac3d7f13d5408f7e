import type { PageOptions } from "@x/session-core/data";
import type { ParticipantSnapshot } from "@talkjs/core";
import { toValue, type MaybeRefOrGetter } from "vue";
import type { PagedLiveQueryRefs } from "./LiveQueryRefs";
import { toPlain } from "../toPlain";
import { idleQueryState, useLiveQuery } from "./useLiveQuery";

/**
 * A conversation's participants, live and paged: refs of the query's state and `loadMore`. `conversationId` may be a
 * value, a ref or a getter: a new id switches the query, `undefined` is `idle` with no subscription.
 *
 * @example
 * const { data: participants, loadedAll, loadMore } = useParticipants(conversationId, { pageSize: 10 });
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useParticipants(
  conversationId: MaybeRefOrGetter<string | undefined>,
  options?: MaybeRefOrGetter<PageOptions | undefined>,
): PagedLiveQueryRefs<ParticipantSnapshot[] | null> {
  const {
    state: _,
    controller: __,
    ...refs
  } = useLiveQuery(
    "useParticipants",
    (talk) => {
      const current = toValue(conversationId);
      return current === undefined
        ? undefined
        : talk.participants(current, toPlain(toValue(options)) as PageOptions | undefined);
    },
    idleQueryState,
  );
  return refs;
}
