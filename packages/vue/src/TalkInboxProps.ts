import type { UIBoxConversationProps, UIBoxExposed, UIBoxProps } from "./UIBoxProps";

/**
 * Props of `<TalkInbox>`, those of `@talkjs/react`'s `<Inbox>`: like `TalkChatboxProps` with every `Talk.InboxOptions`
 * field (but `selected`: use `conversation-id`) and the Inbox events (`@conversation-selected`, ...); the conversation
 * is optional (none shows TalkJS's default).
 *
 * @example
 * const props: TalkInboxProps = { feedFilter: { custom: { category: ["==", "support"] } } };
 */
export type TalkInboxProps = Omit<UIBoxProps<"inbox">, "selected"> & Partial<UIBoxConversationProps>;

/**
 * What a template ref to `<TalkInbox>` sees: the live `Talk.Inbox`, `undefined` before it exists and once destroyed.
 *
 * @example
 * const inbox = ref<TalkInboxExposed>(); // <TalkInbox ref="inbox" ...>
 * const onlySupport = () => inbox.value?.box?.setFeedFilter({ custom: { category: ["==", "support"] } });
 */
export type TalkInboxExposed = UIBoxExposed<"inbox">;
