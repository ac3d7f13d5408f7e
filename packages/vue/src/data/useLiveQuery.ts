import type { DataSessionController, LiveQuery, LiveQueryState, PagedLiveQuery } from "@x/session-core/data";
import { computed } from "vue";
import { injectDataSession } from "./dataSessionContext";
import { followState } from "./followState";
import type { PagedLiveQueryRefs } from "./LiveQueryRefs";

/** The state of a query with no id: nothing asked, nothing loaded. */
export const idleQueryState: LiveQueryState<never> = Object.freeze({
  status: "idle",
  data: undefined,
  loadedAll: false,
  error: undefined,
});

/**
 * Internal: the refs of the query `open` gives for the current arguments (read reactively, so a changed id switches
 * queries) within the nearest `<TalkDataSession>`; `undefined` from `open` is `idle`. `loadMore` goes to the query
 * of the arguments as they are when it is called.
 *
 * @example
 * const refs = useLiveQuery("useConversation", (talk) => talk.conversation(id), idleQueryState);
 * @throws Error outside a `<TalkDataSession>`, naming it and `composable`.
 */
export function useLiveQuery<State extends LiveQueryState<unknown>>(
  composable: string,
  open: (controller: DataSessionController) => LiveQuery<State> | PagedLiveQuery<State> | undefined,
  idle: State,
): PagedLiveQueryRefs<State["data"]> & { state: Readonly<{ value: State }>; controller: DataSessionController } {
  const { controller } = injectDataSession(composable);
  const state = followState(() => open(controller), idle);
  return {
    status: computed(() => state.value.status),
    data: computed(() => state.value.data),
    loadedAll: computed(() => state.value.loadedAll),
    error: computed(() => state.value.error),
    loadMore: async (count) => {
      const query = open(controller);
      if (query && "loadMore" in query) await query.loadMore(count);
    },
    state,
    controller,
  };
}
