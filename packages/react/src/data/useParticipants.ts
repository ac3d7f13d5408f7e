import type { ParticipantSnapshot } from "@talkjs/core";
import type { LiveQueryState, PageOptions } from "@x/session-core/data";
import { idleQueryState } from "./idleQueryState";
import { usePagedQuery } from "./usePagedQuery";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";
import type { UsePagedQueryResult } from "./UsePagedQueryResult";

/**
 * A conversation's participants, live (TalkJS's `ParticipantSnapshot[]`, `null` when the user may not see it), plus
 * `loadMore`. An `undefined` id is `idle` and subscribes to nothing.
 *
 * @example
 * const { data: participants } = useParticipants(conversationId, { pageSize: 50 });
 * @throws Error when used outside a `<DataSession>`.
 */
export function useParticipants(
  conversationId: string | undefined,
  options?: PageOptions,
): UsePagedQueryResult<LiveQueryState<ParticipantSnapshot[] | null>> {
  const controller = useRequiredDataSessionController("useParticipants");
  const query = conversationId === undefined ? undefined : controller.participants(conversationId, options);
  return usePagedQuery(query, idleQueryState);
}
