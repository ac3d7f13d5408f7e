// @vitest-environment node
import { createFakeTalk } from "@x/session-testing";
import { describe, expect, it, vi } from "vitest";
import { createSSRApp, defineComponent, h } from "vue";
import { renderToString } from "vue/server-renderer";
import { TalkSession, useSessionState, type TalkSessionSlotProps } from "../src";

describe("<TalkSession> in server rendering", () => {
  it("renders the slot in the idle state without loading the SDK", async () => {
    const fake = createFakeTalk();
    const loadTalk = vi.fn(() => Promise.resolve(fake));
    const Status = defineComponent(() => {
      const state = useSessionState();
      return () => h("em", state.value.status);
    });
    const app = createSSRApp({
      render: () =>
        h(
          TalkSession,
          { appId: "test-app", userId: "pete", talk: loadTalk, onMessage: () => {} },
          {
            default: ({ state, session }: TalkSessionSlotProps) => [
              h("p", `${state.status}:${session ? "session" : "none"}`),
              h(Status),
            ],
          },
        ),
    });
    const html = await renderToString(app);
    expect(html).toContain("<p>idle:none</p>");
    expect(html).toContain("<em>idle</em>");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(loadTalk).not.toHaveBeenCalled();
    expect(fake.sessions).toHaveLength(0);
  });

  it("throws the same clear error for invalid props on the server", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const app = createSSRApp({ render: () => h(TalkSession, { appId: "test-app" } as never) });
    await expect(renderToString(app)).rejects.toThrow(
      '<TalkSession> needs exactly one of "userId" or "syncUser"; got neither.',
    );
    warn.mockRestore();
  });
});
