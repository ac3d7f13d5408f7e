// @vitest-environment node
import { renderToString } from "react-dom/server";
import { createFakeTalk } from "@x/session-testing";
import { Chatbox, Inbox, Popup, Session } from "../src";

describe("<Chatbox>, <Inbox> and <Popup> in server rendering", () => {
  it("render the box element and the loading content and touch no SDK", () => {
    const talk = createFakeTalk();
    const loadTalk = vi.fn(async () => talk);
    const html = renderToString(
      <Session appId="test-app" userId="pete" talk={loadTalk}>
        <Chatbox
          conversationId="order-1"
          className="chat"
          style={{ height: 500 }}
          loadingComponent={<p>Loading chat…</p>}
          onSendMessage={() => {}}
        />
        <Inbox className="inbox" loadingComponent="Loading inbox…" />
        <Popup conversationId="order-1" />
      </Session>,
    );
    expect(typeof window).toBe("undefined");
    expect(html).toBe(
      '<div style="height:500px" class="chat"><p>Loading chat…</p></div>' +
        '<div style="height:500px;display:none" class="chat"></div>' +
        '<div class="inbox">Loading inbox…</div><div style="display:none" class="inbox"></div>',
    );
    expect(loadTalk).not.toHaveBeenCalled();
    expect(talk.sessions).toHaveLength(0);
    expect(talk.boxes).toHaveLength(0);
  });
});
