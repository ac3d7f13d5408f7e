// @vitest-environment node
import type { TalkModule } from "@x/session-core";
import { render } from "svelte/server";
import { describe, expect, it, vi } from "vitest";
import { createSessionStore } from "../src/lib/index";
import ServerPage from "./harness/ServerPage.svelte";

function talkLoader() {
  return vi.fn((): Promise<TalkModule> => Promise.reject(new Error("the SDK must not load on a server")));
}

describe("server rendering", () => {
  it("renders <TalkSession> children with the idle state and loads no SDK", async () => {
    expect(typeof window).toBe("undefined");
    const talk = talkLoader();
    const { body } = render(ServerPage, { props: { talk } });
    expect(body).toContain("<h1>Inbox</h1>");
    expect(body).toContain('<p data-testid="status">idle</p>');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(talk).not.toHaveBeenCalled();
  });

  it("lets a store be subscribed with no window: no connect, no throw", async () => {
    const talk = talkLoader();
    const store = createSessionStore({ appId: "test-app", userId: "pete", talk });
    const statuses: string[] = [];
    const unsubscribe = store.subscribe((state) => statuses.push(state.status));
    await new Promise((resolve) => setTimeout(resolve, 20));
    unsubscribe();
    expect(statuses).toEqual(["idle"]);
    expect(talk).not.toHaveBeenCalled();
  });
});
