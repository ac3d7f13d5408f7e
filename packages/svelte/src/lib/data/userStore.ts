import type { LiveQueryState } from "@x/session-core/data";
import type { UserSnapshot } from "@talkjs/core";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { idleQueryState } from "./idleQueryState.js";
import { queryStore, type QueryStore } from "./queryStore.js";

/**
 * One user, live (`$user.data`; `null` when TalkJS has no such user). An `undefined` id is `idle` with no subscription; for another id, make another store.
 *
 * @example
 * const user = userStore(getDataSessionContext(), "sam");
 * // in markup: {$user.data?.name ?? ""}
 */
export function userStore(
  talk: DataSessionStore,
  id: string | undefined,
): QueryStore<LiveQueryState<UserSnapshot | null>> {
  return queryStore(id === undefined ? undefined : talk.controller.user(id), idleQueryState);
}
