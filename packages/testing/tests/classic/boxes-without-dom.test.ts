import { describe, expect, it } from "vitest";
import { lastSession, loadedTalk } from "./loadedTalk.js";

describe("boxes in plain Node, without a DOM", () => {
  it("selects, sets and mounts a popup without drawing anything", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "pete" });
    const popup = lastSession(talk).createPopup();
    await popup.select("order-42");
    await popup.mount({ show: true });
    popup.setPresence({ visible: true });
    expect(popup.mounted).toBe(true);
    expect(popup.shown).toBe(true);
    expect(popup.container).toBeUndefined();
    expect(popup.element).toBeUndefined();
    expect(popup.conversationId).toBe("order-42");
  });

  it("rejects mounting a chatbox into something that is not an element", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "pete" });
    const chatbox = lastSession(talk).createChatbox();
    await expect(chatbox.mount({} as HTMLElement)).rejects.toThrow(
      "[TalkJS] Chatbox.mount(container) needs an HTMLElement; got an object that is not an element.",
    );
    expect(chatbox.mounted).toBe(false);
  });
});
