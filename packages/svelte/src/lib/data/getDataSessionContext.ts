import { DEV } from "esm-env";
import { getContext } from "svelte";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { dataSessionContextKey } from "./dataSessionContextKey.js";

/**
 * The data session store of the nearest `<TalkDataSession>` above this component: the `talk` the query stores take.
 * Call it while the component initialises (top level of its `<script>`).
 *
 * @example
 * const talk = getDataSessionContext();
 * const conversations = conversationsStore(talk);
 * @throws Error when no `<TalkDataSession>` is above the calling component.
 */
export function getDataSessionContext(): DataSessionStore {
  const store = getContext<DataSessionStore | undefined>(dataSessionContextKey);
  if (!store) {
    throw new Error(
      DEV
        ? "getDataSessionContext() must be called inside <TalkDataSession>. Wrap this component in <TalkDataSession appId=... userId=...>, or create a store with createDataSessionStore()."
        : "getDataSessionContext() outside <TalkDataSession>",
    );
  }
  return store;
}
