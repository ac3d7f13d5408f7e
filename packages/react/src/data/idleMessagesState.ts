import type { MessagesState } from "@x/session-core/data";
import { idleQueryState } from "./idleQueryState";

/** Internal: `idleQueryState` with the messages query's (empty) `pending` list. */
export const idleMessagesState: MessagesState = Object.freeze({ ...idleQueryState, pending: Object.freeze([]) });
