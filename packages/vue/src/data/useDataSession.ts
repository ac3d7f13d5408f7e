import type { TalkSession } from "@talkjs/core";
import { computed, type ShallowRef } from "vue";
import { injectDataSession } from "./dataSessionContext";

/**
 * The live TalkJS `TalkSession` of the nearest `<TalkDataSession>`: set while the data session is `ready`,
 * `undefined` otherwise (loading, error, a user switch under way).
 *
 * @example
 * const session = useDataSession();
 * const markRead = (id: string) => session.value?.conversation(id).markAsRead();
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useDataSession(): Readonly<ShallowRef<TalkSession | undefined>> {
  const { state } = injectDataSession("useDataSession");
  return computed(() => state.value.session);
}
