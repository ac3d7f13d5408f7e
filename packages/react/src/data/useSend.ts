import type { MessageRef } from "@talkjs/core";
import type { SendParams } from "@x/session-core/data";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";

/**
 * A stable `send(conversationId, text | SendMessageParams)`, as the controller's: the message shows at once in that
 * conversation's `pending` (see `useMessages`). Never rejects: resolves with TalkJS's `MessageRef`, or `undefined`
 * when the send failed (the entry, now `failed`, says why), so a click handler needs no `catch`.
 *
 * @example
 * const send = useSend();
 * return <button onClick={() => void send("order-1", "On my way")}>Send</button>;
 * @throws Error when used outside a `<DataSession>`.
 */
export function useSend(): (conversationId: string, message: SendParams) => Promise<MessageRef | undefined> {
  // The controller's own send: stable, and it needs no `this`.
  return useRequiredDataSessionController("useSend").send;
}
