// @vitest-environment node
import { createFakeTalk } from "@x/session-testing";
import { describe, expect, it, vi } from "vitest";
import { createSSRApp, h } from "vue";
import { renderToString } from "vue/server-renderer";
import { TalkChatbox, TalkInbox, TalkPopup, TalkSession } from "../src";

describe("<TalkChatbox>, <TalkInbox> and <TalkPopup> in server rendering", () => {
  it("render the box element and the loading slot and touch no SDK", async () => {
    const talk = createFakeTalk();
    const loadTalk = vi.fn(() => Promise.resolve(talk));
    const app = createSSRApp({
      render: () =>
        h(TalkSession, { appId: "test-app", userId: "pete", talk: loadTalk }, () => [
          h(
            TalkChatbox,
            { conversationId: "order-1", class: "chat", style: { height: "500px" }, onSendMessage: () => {} },
            { loading: () => [h("p", "Loading chat…")] },
          ),
          h(TalkInbox, { class: "inbox" }, { loading: () => ["Loading inbox…"] }),
          h(TalkPopup, { conversationId: "order-1" }),
        ]),
    });
    const html = await renderToString(app);
    expect(typeof window).toBe("undefined");
    expect(html).toBe(
      '<!--[--><!--[--><div class="chat" style="height:500px;"><p>Loading chat…</p></div>' +
        '<div class="chat" style="height:500px;display:none;"></div><!--]-->' +
        '<!--[--><div class="inbox" style="">Loading inbox…</div><div class="inbox" style="display:none;"></div><!--]-->' +
        "<!----><!--]-->",
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loadTalk).not.toHaveBeenCalled();
    expect(talk.sessions).toHaveLength(0);
    expect(talk.boxes).toHaveLength(0);
  });
});
