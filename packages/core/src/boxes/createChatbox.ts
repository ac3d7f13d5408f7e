import { createUIBox } from "./createUIBox";
import type { SessionController } from "../classic/types";
import type { ChatboxOptions, UIBoxController } from "./uiBoxTypes";

/**
 * Runs a TalkJS Chatbox on `talk`: `mount(element)` connects the session, then creates the box, selects the
 * conversation and mounts it; `setOptions` follows changes in place (a new `conversationId` is a `select()`) or
 * re-creates it; a user switch moves it to the new session. Touches no DOM and no SDK until `mount()`.
 *
 * @example
 * const chatbox = createChatbox(talk, { conversationId: "order-1234", showChatHeader: false });
 * const unmount = chatbox.mount(document.getElementById("chat")!);
 * chatbox.setOptions({ conversationId: "order-5678", showChatHeader: false }); // select() on the same box
 */
export const createChatbox = (talk: SessionController, options?: ChatboxOptions): UIBoxController<"chatbox"> =>
  createUIBox("chatbox", talk, options);
