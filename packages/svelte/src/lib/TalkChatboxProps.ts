import type { UIBoxConversationProps, UIBoxElementProps, UIBoxProps } from "./UIBoxProps.js";

/**
 * Props of `<TalkChatbox>`, those of `@talkjs/react`'s `<Chatbox>` as Svelte props: `conversationId` or
 * `syncConversation`, `asGuest`, `highlightedWords`, every `Talk.ChatboxOptions` field, every Chatbox event as an
 * `on*` callback, `onError`, `class`, `style`, a `loading` snippet, and `bind:box` for the live `Talk.Chatbox`.
 *
 * @example
 * const props: TalkChatboxProps = { conversationId: "order-1234", showChatHeader: false, onSendMessage: console.log };
 */
export type TalkChatboxProps = UIBoxProps<"chatbox"> & UIBoxConversationProps & UIBoxElementProps;
