import type { UIBoxConversationProps, UIBoxExposed, UIBoxProps } from "./UIBoxProps";

/**
 * Props of `<TalkPopup>`, those of `@talkjs/react`'s `<Popup>`: like `TalkChatboxProps` with every `Talk.PopupOptions`
 * field, `show` (absent means open) and the Popup events (`@open`, `@close`, ...).
 *
 * @example
 * const props: TalkPopupProps = { conversationId: "order-1234", show: false, launcher: "always" };
 */
export type TalkPopupProps = UIBoxProps<"popup"> & UIBoxConversationProps;

/**
 * What a template ref to `<TalkPopup>` sees: the live `Talk.Popup`, `undefined` before it exists and once destroyed.
 *
 * @example
 * const popup = ref<TalkPopupExposed>(); // <TalkPopup ref="popup" ...>
 * const open = () => popup.value?.box?.show();
 */
export type TalkPopupExposed = UIBoxExposed<"popup">;
