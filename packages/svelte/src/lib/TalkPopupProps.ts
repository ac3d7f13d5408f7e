import type { UIBoxConversationProps, UIBoxProps } from "./UIBoxProps.js";

/**
 * Props of `<TalkPopup>`: like `TalkChatboxProps` with every `Talk.PopupOptions` field, `show` (absent means open)
 * and the Popup events (`onOpen`, `onClose`, ...); TalkJS places the popup, so there is no element, class or style.
 *
 * @example
 * const props: TalkPopupProps = { conversationId: "order-1234", show: false, launcher: "always" };
 */
export type TalkPopupProps = UIBoxProps<"popup"> & UIBoxConversationProps;
