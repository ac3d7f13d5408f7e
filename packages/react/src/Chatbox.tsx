import type { ReactElement } from "react";
import { createChatbox } from "@x/session-core";
import type { ChatboxProps } from "./ChatboxProps";
import { useUIBox } from "./useUIBox";

/**
 * A TalkJS Chatbox inside `<Session>`, a drop-in for `@talkjs/react`'s: one box for the component's life, a new
 * `conversationId` is a `select()` on it, setter-backed options use their setters, a user switch moves it to the
 * new session in the same element.
 *
 * @example
 * <Chatbox conversationId="order-1234" style={{ height: 500 }} onSendMessage={(event) => console.log(event.message.text)} />
 * @throws Error during render outside a `<Session>`.
 */
export function Chatbox(props: ChatboxProps): ReactElement {
  return useUIBox("<Chatbox>", createChatbox, props, "chatboxRef");
}
