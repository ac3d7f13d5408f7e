import type { LiveQueryState } from "@x/session-core/data";
import type { UserOnlineSnapshot } from "@talkjs/core";
import type { DataSessionStore } from "./createDataSessionStore.js";
import { idleQueryState } from "./idleQueryState.js";
import { queryStore, type QueryStore } from "./queryStore.js";

/**
 * Whether a user is online, live (`$online.data?.isConnected`, TalkJS's `UserOnlineSnapshot`). An `undefined` id is `idle` with no subscription; for another id, make another store.
 *
 * @example
 * const online = onlineStore(getDataSessionContext(), "sam");
 * // in markup: <span class:online={$online.data?.isConnected}></span>
 */
export function onlineStore(
  talk: DataSessionStore,
  userId: string | undefined,
): QueryStore<LiveQueryState<UserOnlineSnapshot | null>> {
  return queryStore(userId === undefined ? undefined : talk.controller.online(userId), idleQueryState);
}
