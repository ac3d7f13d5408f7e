import { createPopup } from "@x/session-core";
import type { SlotsType } from "vue";
import { defineUIBox } from "./defineUIBox";
import type { TalkPopupProps } from "./TalkPopupProps";
import type { UIBoxEmits } from "./UIBoxProps";

/**
 * A TalkJS Popup inside `<TalkSession>`: TalkJS places it, so it renders nothing; `show` opens and closes it in place
 * (absent means open), a new `conversation-id` is a `select()`; exposes `box`.
 *
 * @example
 * <TalkPopup conversation-id="order-1234" :show="open" @close="open = false" />
 * @throws Error during setup outside a `<TalkSession>`.
 */
export const TalkPopup = /* @__PURE__ */ defineUIBox<TalkPopupProps, UIBoxEmits<"popup">, SlotsType, "popup">(
  "TalkPopup",
  createPopup,
);
