import { useMemo } from "react";
import type { PageOptions } from "@x/session-core/data";
import { idleMessagesState } from "./idleMessagesState";
import { usePagedQuery } from "./usePagedQuery";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";
import type { UseMessagesResult } from "./UseMessagesResult";

/**
 * A conversation's messages, live (TalkJS's `MessageSnapshot[]`, newest first), with the sends TalkJS has not shown
 * yet in `pending`, plus `loadMore`, `resend` and `discard`. Every component watching one conversation shares one
 * TalkJS subscription. An `undefined` id is `idle` and subscribes to nothing.
 *
 * @example
 * const { data: messages, pending, loadedAll, loadMore } = useMessages(conversationId, { pageSize: 50 });
 * @throws Error when used outside a `<DataSession>`.
 */
export function useMessages(conversationId: string | undefined, options?: PageOptions): UseMessagesResult {
  const controller = useRequiredDataSessionController("useMessages");
  const query = conversationId === undefined ? undefined : controller.messages(conversationId, options);
  const result = usePagedQuery(query, idleMessagesState);
  // The controller's own functions: stable, and they need no `this`.
  const { resend, discard } = controller;
  return useMemo(() => ({ ...result, resend, discard }), [result, resend, discard]);
}
