import type { SessionController } from "@x/session-core";
import type Talk from "talkjs";
import type { ShallowRef } from "vue";
import { resolveSessionRefs } from "./sessionContext";

/**
 * The live `Talk.Session` of the nearest `<TalkSession>` (or of `controller`), `undefined` until ready.
 *
 * @example
 * const session = useSession();
 * watchEffect(() => session.value?.createInbox().mount(el.value!));
 * @throws Error when called outside a `<TalkSession>` without a controller.
 */
export function useSession(controller?: SessionController): Readonly<ShallowRef<Talk.Session | undefined>> {
  return resolveSessionRefs(controller, "useSession").session;
}
