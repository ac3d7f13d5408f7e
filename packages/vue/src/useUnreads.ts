import type { SessionController, SessionState } from "@x/session-core";
import type { ShallowRef } from "vue";
import { resolveSessionRefs } from "./sessionContext";

/**
 * The unread conversations of the nearest `<TalkSession>` (or of `controller`), `undefined` until reported.
 *
 * @example
 * const unreads = useUnreads();
 * const badge = computed(() => unreads.value?.length ?? 0);
 * @throws Error when called outside a `<TalkSession>` without a controller.
 */
export function useUnreads(controller?: SessionController): Readonly<ShallowRef<SessionState["unreads"]>> {
  return resolveSessionRefs(controller, "useUnreads").unreads;
}
