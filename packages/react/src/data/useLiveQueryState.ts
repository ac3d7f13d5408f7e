import { useSyncExternalStore } from "react";
import type { LiveQuery } from "@x/session-core/data";

const noSubscription = () => () => {};

/**
 * Internal: a live query's state through `useSyncExternalStore`; with no query (an `undefined` id) the `idle` state
 * and no subscription. Subscribing is what starts the query (and connects the controller), in an effect, so server
 * rendering and a render React discards start nothing.
 */
export function useLiveQueryState<State>(query: LiveQuery<State> | undefined, idle: State): State {
  const getState = () => (query ? query.getState() : idle);
  // The query's own subscribe (one per query, and it needs no `this`): a new query is a new subscription.
  return useSyncExternalStore(query ? query.subscribe : noSubscription, getState, getState);
}
