import type { DataSessionState } from "@x/session-core/data";
import type { ShallowRef } from "vue";
import { injectDataSession } from "./dataSessionContext";

/**
 * The whole state (`status`, `session`, `error`) of the nearest `<TalkDataSession>`.
 *
 * @example
 * const state = useDataSessionState();
 * const offline = computed(() => state.value.status === "error");
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useDataSessionState(): Readonly<ShallowRef<DataSessionState>> {
  return injectDataSession("useDataSessionState").state;
}
