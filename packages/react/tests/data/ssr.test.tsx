// @vitest-environment node
import { renderToString } from "react-dom/server";
import { createFakeCore } from "@x/session-testing";
import { DataSession, useDataSession, useDataSessionState, useMessages, useSend } from "../../src/data";

function Chat() {
  const { status } = useDataSessionState();
  const session = useDataSession();
  const messages = useMessages("c1");
  useSend();
  return <p>{`${status} ${session ? "live" : "none"} ${messages.status} ${messages.pending.length}`}</p>;
}

describe("<DataSession> in server rendering", () => {
  it("renders its children and creates no TalkJS session", () => {
    const core = createFakeCore({ seed: { conversations: [{ id: "c1", participants: ["pete", "sam"] }] } });
    const loadCore = vi.fn(async () => core);
    const html = renderToString(
      <DataSession appId="test-app" userId="pete" core={loadCore} tokenFetcher={() => "token"}>
        <main>app</main>
        <Chat />
      </DataSession>,
    );
    expect(typeof window).toBe("undefined");
    expect(html).toContain("<main>app</main>");
    expect(html).toContain("idle none idle 0");
    expect(loadCore).not.toHaveBeenCalled();
    expect(core.sessions).toHaveLength(0);
  });

  it("renders with the default @talkjs/core import", () => {
    expect(
      renderToString(
        <DataSession appId="test-app" userId="pete">
          app
        </DataSession>,
      ),
    ).toBe("app");
  });
});
