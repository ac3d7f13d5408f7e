import type { MessagesState, PageOptions } from "@x/session-core/data";
import type { MessageSnapshot } from "@talkjs/core";
import { computed, toValue, type MaybeRefOrGetter } from "vue";
import type { MessagesRefs } from "./LiveQueryRefs";
import { toPlain } from "../toPlain";
import { idleQueryState, useLiveQuery } from "./useLiveQuery";

const idleMessagesState: MessagesState = Object.freeze({ ...idleQueryState, pending: Object.freeze([]) });

/**
 * A conversation's messages, live and paged (newest first, as TalkJS gives them), with `pending`: what `send` shows
 * at once until TalkJS has it. `conversationId` may be a value, a ref or a getter: a new id switches the query,
 * `undefined` is `idle` with no subscription.
 *
 * @example
 * const { data: messages, pending, loadedAll, loadMore, resend, discard } = useMessages(() => props.conversationId);
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useMessages(
  conversationId: MaybeRefOrGetter<string | undefined>,
  options?: MaybeRefOrGetter<PageOptions | undefined>,
): MessagesRefs<MessageSnapshot[] | null> {
  const { state, controller, ...refs } = useLiveQuery(
    "useMessages",
    (talk) => {
      const current = toValue(conversationId);
      return current === undefined
        ? undefined
        : talk.messages(current, toPlain(toValue(options)) as PageOptions | undefined);
    },
    idleMessagesState,
  );
  return {
    ...refs,
    pending: computed(() => state.value.pending),
    resend: (key) => controller.resend(key),
    discard: (key) => controller.discard(key),
  };
}
