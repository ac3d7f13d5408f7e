import type { SendFunction } from "./LiveQueryRefs";
import { injectDataSession } from "./dataSessionContext";

/**
 * `send(conversationId, text | SendMessageParams)` of the nearest `<TalkDataSession>`: the message shows in that
 * conversation's `useMessages(...).pending` at once. Never rejects: resolves with TalkJS's `MessageRef`, or
 * `undefined` when the send failed (the pending entry, now `failed`, says why and offers `resend`).
 *
 * @example
 * const send = useSend();
 * const submit = () => send(props.conversationId, draft.value);
 * @throws Error outside a `<TalkDataSession>`.
 */
export function useSend(): SendFunction {
  const { controller } = injectDataSession("useSend");
  return (conversationId, message) => controller.send(conversationId, message);
}
