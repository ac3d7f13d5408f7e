import type { LiveQueryState } from "@x/session-core/data";

/** Internal: the state of a query hook given no id: `idle`, with no query and no TalkJS subscription behind it. */
export const idleQueryState: LiveQueryState<never> = Object.freeze({
  status: "idle",
  data: undefined,
  loadedAll: false,
  error: undefined,
});
