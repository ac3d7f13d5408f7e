import { createInbox } from "@x/session-core";
import { defineUIBox } from "./defineUIBox";
import type { TalkInboxProps } from "./TalkInboxProps";
import type { UIBoxEmits, UIBoxSlots } from "./UIBoxProps";

/**
 * A TalkJS Inbox inside `<TalkSession>`, with the lifecycle of `<TalkChatbox>`; `feed-filter` changes use
 * `setFeedFilter`, and without a conversation it shows TalkJS's default.
 *
 * @example
 * <TalkInbox class="inbox" @conversation-selected="onSelected"><template #loading>Loading…</template></TalkInbox>
 * @throws Error during setup outside a `<TalkSession>`.
 */
export const TalkInbox = /* @__PURE__ */ defineUIBox<TalkInboxProps, UIBoxEmits<"inbox">, UIBoxSlots, "inbox">(
  "TalkInbox",
  createInbox,
);
