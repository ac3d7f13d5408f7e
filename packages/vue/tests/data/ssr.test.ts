// @vitest-environment node
import { createFakeCore } from "@x/session-testing";
import { describe, expect, it, vi } from "vitest";
import { createSSRApp, defineComponent, h } from "vue";
import { renderToString } from "vue/server-renderer";
import { TalkDataSession, useConversation, useDataSessionState, useMessages, type CoreModule } from "../../src/data";

describe("<TalkDataSession> in server rendering", () => {
  it("renders idle state and idle queries without loading @talkjs/core or creating a TalkJS session", async () => {
    const core = createFakeCore({ seed: { conversations: [{ id: "c1", participants: ["pete", "sam"] }] } });
    const loadCore = vi.fn(() => Promise.resolve<CoreModule>(core));
    const Child = defineComponent(() => {
      const state = useDataSessionState();
      const { status } = useConversation("c1");
      const { pending } = useMessages("c1");
      return () => h("em", `${state.value.status}:${status.value}:${pending.value.length}`);
    });
    const app = createSSRApp({
      render: () =>
        h(
          TalkDataSession,
          { appId: "test-app", userId: "pete", core: loadCore, onError: () => {} },
          { default: () => [h("h1", "Inbox"), h(Child)] },
        ),
    });
    const html = await renderToString(app);
    expect(html).toContain("<h1>Inbox</h1>");
    expect(html).toContain("<em>idle:idle:0</em>");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadCore).not.toHaveBeenCalled();
    expect(core.sessions).toHaveLength(0);
    expect(core.subscriptionCount()).toBe(0);
  });
});
