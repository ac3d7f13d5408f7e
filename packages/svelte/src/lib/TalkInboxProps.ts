import type { UIBoxConversationProps, UIBoxElementProps, UIBoxProps } from "./UIBoxProps.js";

/**
 * Props of `<TalkInbox>`: like `TalkChatboxProps` with every `Talk.InboxOptions` field (but `selected`: use
 * `conversationId`) and the Inbox events (`onConversationSelected`, ...); the conversation is optional (none shows
 * TalkJS's default).
 *
 * @example
 * const props: TalkInboxProps = { feedFilter: { custom: { category: ["==", "support"] } }, class: "inbox" };
 */
export type TalkInboxProps = Omit<UIBoxProps<"inbox">, "selected"> &
  Partial<UIBoxConversationProps> &
  UIBoxElementProps;
