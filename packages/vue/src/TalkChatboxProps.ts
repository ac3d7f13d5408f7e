import type { UIBoxConversationProps, UIBoxExposed, UIBoxProps } from "./UIBoxProps";

/**
 * Props of `<TalkChatbox>`, those of `@talkjs/react`'s `<Chatbox>` (kebab-case in templates): `conversation-id` or
 * `sync-conversation`, `as-guest`, `highlighted-words`, every `Talk.ChatboxOptions` field, every Chatbox event as a
 * listener (`@send-message`, ...) and `@error`.
 *
 * @example
 * const props: TalkChatboxProps = { conversationId: "order-1234", showChatHeader: false, onSendMessage: console.log };
 */
export type TalkChatboxProps = UIBoxProps<"chatbox"> & UIBoxConversationProps;

/**
 * What a template ref to `<TalkChatbox>` sees: the live `Talk.Chatbox`, `undefined` before it exists and once destroyed.
 *
 * @example
 * const chatbox = ref<TalkChatboxExposed>(); // <TalkChatbox ref="chatbox" ...>
 * const draft = () => chatbox.value?.box?.messageField.setText("Hello");
 */
export type TalkChatboxExposed = UIBoxExposed<"chatbox">;
