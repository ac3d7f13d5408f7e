import type { UIBoxConversationProps, UIBoxProps, UIBoxRef } from "./UIBoxProps";

/**
 * Props of `<Popup>`, those of `@talkjs/react`'s: like `ChatboxProps` with every `Talk.PopupOptions` field, `show`
 * (absent means open), the Popup events (`onOpen`, `onClose`, ...) and `popupRef`; it renders no element.
 *
 * @example
 * const props: PopupProps = { conversationId: "order-1234", show: false, launcher: "always" };
 */
export type PopupProps = UIBoxProps<"popup"> & UIBoxConversationProps & { popupRef?: UIBoxRef<"popup"> };
