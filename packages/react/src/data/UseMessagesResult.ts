import type { MessageRef } from "@talkjs/core";
import type { MessagesState } from "@x/session-core/data";
import type { UsePagedQueryResult } from "./UsePagedQueryResult";

/**
 * What `useMessages` returns: the query's state (`status`, `data`, `loadedAll`, `error`, `pending`), `loadMore`, and
 * `resend(key)` / `discard(key)` for a `failed` pending entry; the functions are stable for the query's life.
 *
 * @example
 * const { data, pending, resend }: UseMessagesResult = useMessages("order-1");
 */
export type UseMessagesResult = UsePagedQueryResult<MessagesState> & {
  /** Sends a `failed` entry again; resolves with TalkJS's `MessageRef`, or `undefined` when it failed again. */
  readonly resend: (key: string) => Promise<MessageRef | undefined>;
  /** Drops a `failed` entry. */
  readonly discard: (key: string) => void;
};
