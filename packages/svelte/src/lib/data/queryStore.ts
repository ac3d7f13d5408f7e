import type { LiveQuery } from "@x/session-core/data";

/**
 * A Svelte readable store of a live query's state (`$messages.data`); the query stores add its functions.
 *
 * @example
 * const typing: QueryStore<LiveQueryState<TypingSnapshot | null>> = typingStore(talk, "order-1");
 */
export interface QueryStore<State> {
  /** The store contract: calls `run` now and after every change; the first subscriber starts the query. */
  subscribe(run: (state: State) => void, invalidate?: () => void): () => void;
}

const noop = () => {};

/**
 * Internal: the store of `query`, or of `idle` with no subscription when there is no query (an `undefined` id).
 * Subscribing is what starts the TalkJS subscription (and connects the session), so on a server it never does.
 *
 * @example
 * const store = queryStore(id === undefined ? undefined : talk.controller.user(id), idleQueryState);
 */
export function queryStore<State>(query: LiveQuery<State> | undefined, idle: State): QueryStore<State> {
  return {
    subscribe(run) {
      if (!query || typeof window === "undefined") {
        run(query ? query.getState() : idle);
        return noop;
      }
      // Subscribed first, so a change the first subscription makes (idle to loading) is not missed; each state once.
      let delivered: State | undefined;
      const deliver = () => {
        const state = query.getState();
        if (state !== delivered) run((delivered = state));
      };
      const unsubscribe = query.subscribe(deliver);
      deliver();
      return unsubscribe;
    },
  };
}
