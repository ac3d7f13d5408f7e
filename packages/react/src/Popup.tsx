import { createPopup } from "@x/session-core";
import type { PopupProps } from "./PopupProps";
import { useUIBox } from "./useUIBox";

/**
 * A TalkJS Popup inside `<Session>`, a drop-in for `@talkjs/react`'s: TalkJS places it, so it renders nothing;
 * `show` opens and closes it in place (absent means open), a new `conversationId` is a `select()`.
 *
 * @example
 * <Popup conversationId="order-1234" show={open} onClose={() => setOpen(false)} />
 * @throws Error during render outside a `<Session>`.
 */
export function Popup(props: PopupProps): null {
  useUIBox("<Popup>", createPopup, props, "popupRef");
  return null;
}
