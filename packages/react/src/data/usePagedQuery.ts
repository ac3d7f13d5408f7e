import { useCallback, useMemo } from "react";
import type { PagedLiveQuery } from "@x/session-core/data";
import type { UsePagedQueryResult } from "./UsePagedQueryResult";
import { useLiveQueryState } from "./useLiveQueryState";

/** Internal: a paged query's state plus its `loadMore`; the same object until the state or the query changes. */
export function usePagedQuery<State extends object>(
  query: PagedLiveQuery<State> | undefined,
  idle: State,
): UsePagedQueryResult<State> {
  const state = useLiveQueryState(query, idle);
  const loadMore = useCallback((count?: number) => (query ? query.loadMore(count) : Promise.resolve()), [query]);
  return useMemo(() => ({ ...state, loadMore }), [state, loadMore]);
}
