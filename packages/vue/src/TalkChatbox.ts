import { createChatbox } from "@x/session-core";
import { defineUIBox } from "./defineUIBox";
import type { TalkChatboxProps } from "./TalkChatboxProps";
import type { UIBoxEmits, UIBoxSlots } from "./UIBoxProps";

/**
 * A TalkJS Chatbox inside `<TalkSession>`: one box for the component's life; a new `conversation-id` is a `select()`
 * on it, setter-backed options use their setters, a user switch moves it to the new session in the same element.
 * Renders its element (with `class` and `style`) and the `loading` slot until the box is mounted; exposes `box`.
 *
 * @example
 * <TalkChatbox conversation-id="order-1234" :show-chat-header="false" style="height: 500px" @send-message="onSend" />
 * @throws Error during setup outside a `<TalkSession>`.
 */
export const TalkChatbox = /* @__PURE__ */ defineUIBox<TalkChatboxProps, UIBoxEmits<"chatbox">, UIBoxSlots, "chatbox">(
  "TalkChatbox",
  createChatbox,
);
