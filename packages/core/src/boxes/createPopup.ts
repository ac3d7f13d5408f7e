import { createUIBox } from "./createUIBox";
import type { SessionController } from "../classic/types";
import type { PopupOptions, UIBoxController } from "./uiBoxTypes";

/**
 * Runs a TalkJS Popup on `talk`, with the lifecycle of `createChatbox`; `mount()` takes no element (TalkJS places
 * the popup) and opens it unless `show` is `false`; a later `show` change calls `show()` or `hide()`.
 *
 * @example
 * const popup = createPopup(talk, { conversationId: "order-1234", show: false });
 * const unmount = popup.mount();
 * openButton.onclick = () => popup.setOptions({ conversationId: "order-1234", show: true });
 */
export const createPopup = (talk: SessionController, options?: PopupOptions): UIBoxController<"popup"> =>
  createUIBox("popup", talk, options);
