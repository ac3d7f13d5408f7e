// @vitest-environment node
import type { TalkModule } from "@x/session-core";
import { render } from "svelte/server";
import { describe, expect, it, vi } from "vitest";
import BoxServerPage from "./harness/BoxServerPage.svelte";

describe("server rendering of the box components", () => {
  it("renders the container with its class and style and the loading snippet, and loads no SDK", async () => {
    expect(typeof window).toBe("undefined");
    const talk = vi.fn((): Promise<TalkModule> => Promise.reject(new Error("the SDK must not load on a server")));
    const { body } = render(BoxServerPage, { props: { talk } });
    expect(body).toMatch(/<div class="chat" style="height: 300px"><p>Loading the chat…<\/p>/);
    expect(body).toMatch(/<div class="chat" style="height: 300px; display: none;"><\/div>/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(talk).not.toHaveBeenCalled();
  });
});
