import type { UIBoxConversationProps, UIBoxElementProps, UIBoxProps, UIBoxRef } from "./UIBoxProps";

/**
 * Props of `<Chatbox>`, those of `@talkjs/react`'s: `conversationId` or `syncConversation`, `asGuest`,
 * `highlightedWords`, every `Talk.ChatboxOptions` field, every Chatbox event as an `on*` prop, `onError`,
 * `chatboxRef`, `loadingComponent`, `style` and `className`.
 *
 * @example
 * const props: ChatboxProps = { conversationId: "order-1234", showChatHeader: false, onSendMessage: console.log };
 */
export type ChatboxProps = UIBoxProps<"chatbox"> &
  UIBoxConversationProps &
  UIBoxElementProps & { chatboxRef?: UIBoxRef<"chatbox"> };
