import type { LiveQueryState, MessagesState } from "@x/session-core/data";

/** Internal: the state of a query store given no id: `idle`, with no query and no TalkJS subscription behind it. */
export const idleQueryState: LiveQueryState<never> = Object.freeze({
  status: "idle",
  data: undefined,
  loadedAll: false,
  error: undefined,
});

/** Internal: `idleQueryState` for a messages store, with no pending sends. */
export const idleMessagesState: MessagesState = Object.freeze({ ...idleQueryState, pending: Object.freeze([]) });
