import { DEV } from "esm-env";
import { getContext } from "svelte";
import type { SessionStore } from "./createSessionStore.js";
import { sessionContextKey } from "./sessionContextKey.js";

/**
 * The session store of the nearest `<TalkSession>` above this component.
 * Call it while the component initialises (top level of its `<script>`).
 *
 * @example
 * const session = getSessionContext();
 * // in markup: {$session.unreads?.length ?? 0} unread
 * @throws Error when no `<TalkSession>` is above the calling component.
 */
export function getSessionContext(): SessionStore {
  const store = getContext<SessionStore | undefined>(sessionContextKey);
  if (!store) {
    throw new Error(
      DEV
        ? "getSessionContext() must be called inside <TalkSession>. Wrap this component in <TalkSession appId=... userId=...>, or create a store with createSessionStore()."
        : "getSessionContext() outside <TalkSession>",
    );
  }
  return store;
}
