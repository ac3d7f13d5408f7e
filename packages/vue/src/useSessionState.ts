import type { SessionController, SessionState } from "@x/session-core";
import type { ShallowRef } from "vue";
import { resolveSessionRefs } from "./sessionContext";

/**
 * The whole state (`status`, `session`, `unreads`, `error`) of the nearest `<TalkSession>` or of `controller`.
 *
 * @example
 * const state = useSessionState();
 * const failed = computed(() => state.value.status === "error");
 * @throws Error when called outside a `<TalkSession>` without a controller.
 */
export function useSessionState(controller?: SessionController): Readonly<ShallowRef<SessionState>> {
  return resolveSessionRefs(controller, "useSessionState").state;
}
