// @vitest-environment node
import type { CoreModule } from "@x/session-core/data";
import { createFakeCore } from "@x/session-testing";
import { render } from "svelte/server";
import { describe, expect, it, vi } from "vitest";
import { conversationStore, createDataSessionStore } from "../../src/lib/data/index";
import DataServerPage from "./harness/DataServerPage.svelte";

describe("live data in server rendering", () => {
  it("renders <TalkDataSession> children with idle states and creates no TalkJS session", async () => {
    expect(typeof window).toBe("undefined");
    const core = createFakeCore({ seed: { conversations: [{ id: "c1", participants: ["pete", "sam"] }] } });
    const loadCore = vi.fn(() => Promise.resolve<CoreModule>(core));
    const { body } = render(DataServerPage, { props: { core: loadCore } });
    expect(body).toContain("<h1>Inbox</h1>");
    expect(body).toContain('<p data-testid="status">idle</p>');
    expect(body).toContain('<i data-testid="title">idle:-</i>');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadCore).not.toHaveBeenCalled();
    expect(core.sessions).toHaveLength(0);
  });

  it("lets the stores be subscribed with no window: no connect, no subscription, no throw", async () => {
    const core = createFakeCore();
    const talk = createDataSessionStore({ appId: "test-app", userId: "pete", core });
    const statuses: string[] = [];
    const stop = [
      talk.subscribe((state) => statuses.push(state.status)),
      conversationStore(talk, "c1").subscribe((state) => statuses.push(state.status)),
    ];
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const unsubscribe of stop) unsubscribe();
    expect(statuses).toEqual(["idle", "idle"]);
    expect(core.sessions).toHaveLength(0);
    expect(core.subscriptionCount()).toBe(0);
  });
});
