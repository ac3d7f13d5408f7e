// @vitest-environment node
import { describe, expect, it } from "vitest";

describe("server rendering", () => {
  it("creates a controller with no window, no document and no talkjs touched", async () => {
    expect(typeof window).toBe("undefined");
    const { createTalkSession } = await import("../src/index");
    const talk = createTalkSession({ appId: "app", userId: "pete" });
    const unsubscribe = talk.subscribe(() => {});
    talk.on("message", () => {});
    talk.setOptions({ appId: "app", userId: "alice" });
    expect(talk.getState().status).toBe("idle");
    unsubscribe();
    talk.destroy();
  });

  it("creates, configures and destroys box controllers with no window, no document and no talkjs touched", async () => {
    const { createTalkSession, createChatbox, createInbox, createPopup } = await import("../src/index");
    const talk = createTalkSession({ appId: "app", userId: "pete" });
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const inbox = createInbox(talk);
    const popup = createPopup(talk, { show: false });
    chatbox.on("sendMessage", () => {});
    inbox.on("conversationSelected", () => {});
    popup.on("open", () => {});
    for (const box of [chatbox, inbox, popup]) {
      box.subscribe(() => {})();
      box.setOptions({ conversationId: "order-2" });
      expect(box.getState()).toEqual({ status: "idle", box: undefined, error: undefined });
      box.destroy();
    }
    expect(talk.getState().status).toBe("idle");
    talk.destroy();
  });

  it("turns connect() on a server into an sdk-load-failed state instead of a crash", async () => {
    const { createTalkSession } = await import("../src/index");
    const talk = createTalkSession({ appId: "app", userId: "pete" });
    talk.connect();
    // import("talkjs") takes its time on a loaded machine: wait for the state to leave loading (at most 10 s).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      talk.subscribe((state) => {
        if (state.status === "loading") return;
        clearTimeout(timer);
        resolve();
      });
    });
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("sdk-load-failed");
    expect(talk.getState().error?.message).toMatch(/only runs in a browser.*Connect in the browser only/);
    talk.destroy();
  });
});
