/**
 * What the paged query hooks (`useConversations`, `useParticipants`) return: the query's state (`status`, `data`,
 * `loadedAll`, `error`) and `loadMore`, stable for the query's life.
 *
 * @example
 * const { data, loadedAll, loadMore }: UsePagedQueryResult<LiveQueryState<ConversationSnapshot[]>> = useConversations();
 */
export type UsePagedQueryResult<State> = State & {
  /** Loads `count` more items (default: the page size); resolves once they are shown. Never rejects. */
  readonly loadMore: (count?: number) => Promise<void>;
};
