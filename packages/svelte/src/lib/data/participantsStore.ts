import type { LiveQueryState, PageOptions } from "@x/session-core/data";
import type { ParticipantSnapshot } from "@talkjs/core";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { idleQueryState } from "./idleQueryState.js";
import { queryStore, type QueryStore } from "./queryStore.js";

/**
 * The store of `participantsStore`: the query's state and `loadMore`.
 *
 * @example
 * const participants: ParticipantsStore = participantsStore(talk, "order-1");
 */
export interface ParticipantsStore extends QueryStore<LiveQueryState<ParticipantSnapshot[] | null>> {
  /** Loads `count` more participants (default: the page size); resolves once they are shown. Never rejects. */
  loadMore(count?: number): Promise<void>;
}

/**
 * A conversation's participants, live and paged (`$participants.data`), with `loadMore`. An `undefined` id is
 * `idle` with no subscription; for another id, make another store.
 *
 * @example
 * const participants = participantsStore(getDataSessionContext(), "order-1", { pageSize: 10 });
 * // in markup: {#each $participants.data ?? [] as participant (participant.user.id)}...{/each}
 */
export function participantsStore(
  talk: DataSessionStore,
  conversationId: string | undefined,
  options?: PageOptions,
): ParticipantsStore {
  const query = conversationId === undefined ? undefined : talk.controller.participants(conversationId, options);
  return { ...queryStore(query, idleQueryState), loadMore: async (count) => query?.loadMore(count) };
}
