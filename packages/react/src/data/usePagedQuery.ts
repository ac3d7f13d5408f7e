import { useMemo } from "react";
import type { PagedLiveQuery } from "@x/session-core/data";
import type { UsePagedQueryResult } from "./UsePagedQueryResult";
import { useLiveQueryState } from "./useLiveQueryState";

const loadNothing = () => Promise.resolve();

/** Internal: a paged query's state plus its `loadMore`; the same object until the state or the query changes. */
export function usePagedQuery<State extends object>(
  query: PagedLiveQuery<State> | undefined,
  idle: State,
): UsePagedQueryResult<State> {
  const state = useLiveQueryState(query, idle);
  // The query's own loadMore (it needs no `this`); without a query, nothing to load.
  const loadMore = query ? query.loadMore : loadNothing;
  return useMemo(() => ({ ...state, loadMore }), [state, loadMore]);
}
