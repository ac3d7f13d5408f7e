import type { TypingSnapshot } from "@talkjs/core";
import type { LiveQueryState } from "@x/session-core/data";
import { idleQueryState } from "./idleQueryState";
import { useLiveQueryState } from "./useLiveQueryState";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";

/**
 * Who is typing in a conversation, live: `data` is TalkJS's `TypingSnapshot` (`{ many: false, users }` or
 * `{ many: true }`). An `undefined` id is `idle` and subscribes to nothing.
 *
 * @example
 * const { data: typing } = useTyping(conversationId);
 * @throws Error when used outside a `<DataSession>`.
 */
export function useTyping(conversationId: string | undefined): LiveQueryState<TypingSnapshot | null> {
  const controller = useRequiredDataSessionController("useTyping");
  return useLiveQueryState(
    conversationId === undefined ? undefined : controller.typing(conversationId),
    idleQueryState,
  );
}
