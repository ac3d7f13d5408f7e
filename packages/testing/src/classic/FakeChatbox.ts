import type Talk from "talkjs";
import { FakeUIBox } from "./FakeUIBox.js";

/**
 * The fake `Talk.Chatbox` returned by `session.createChatbox()`: one conversation, switched with `select()`.
 * `mount(element)` settles asynchronously and rejects without an element; see `FakeUIBox` for the rest.
 * @example
 * const chatbox = session.createChatbox();
 * await chatbox.select("order-42");
 * await chatbox.mount(document.getElementById("chat"));
 */
export class FakeChatbox extends FakeUIBox<"chatbox"> implements Talk.Chatbox {
  mount(container: HTMLElement | null): Promise<void> {
    return this.startMount([container], () => this.elementOrThrow(container));
  }
}
