import type { UIBoxConversationProps, UIBoxElementProps, UIBoxProps, UIBoxRef } from "./UIBoxProps";

/**
 * Props of `<Inbox>`, those of `@talkjs/react`'s: like `ChatboxProps` with every `Talk.InboxOptions` field (but
 * `selected`: use `conversationId`), the Inbox events (`onConversationSelected`, ...) and `inboxRef`; the
 * conversation is optional (none shows TalkJS's default).
 *
 * @example
 * const props: InboxProps = { feedFilter: { custom: { category: ["==", "support"] } }, className: "inbox" };
 */
export type InboxProps = Omit<UIBoxProps<"inbox">, "selected"> &
  Partial<UIBoxConversationProps> &
  UIBoxElementProps & { inboxRef?: UIBoxRef<"inbox"> };
