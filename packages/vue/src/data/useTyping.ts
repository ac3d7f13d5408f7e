import type { TypingSnapshot } from "@talkjs/core";
import { toValue, type MaybeRefOrGetter } from "vue";
import type { LiveQueryRefs } from "./LiveQueryRefs";
import { idleQueryState, useLiveQuery } from "./useLiveQuery";

/**
 * Who is typing in a conversation, live (TalkJS's `TypingSnapshot`). `conversationId` may be a value, a ref or a
 * getter: a new id switches the query, `undefined` is `idle` with no subscription.
 *
 * @example
 * const { data: typing } = useTyping(conversationId); // typing.value?.many, typing.value?.people
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useTyping(conversationId: MaybeRefOrGetter<string | undefined>): LiveQueryRefs<TypingSnapshot | null> {
  const { status, data, loadedAll, error } = useLiveQuery(
    "useTyping",
    (talk) => {
      const current = toValue(conversationId);
      return current === undefined ? undefined : talk.typing(current);
    },
    idleQueryState,
  );
  return { status, data, loadedAll, error };
}
