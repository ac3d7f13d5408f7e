import { createTalkSession } from "@x/session-core";
import { render } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import BoxOutsideSession from "./harness/BoxOutsideSession.svelte";
import SessionHarness from "./harness/SessionHarness.svelte";
import SessionStatus from "./harness/SessionStatus.svelte";
import { appId, fakeTalk } from "./helpers";

// What a production build resolves: esm-env's `production` condition makes DEV false (Vite, SvelteKit, webpack).
vi.mock("esm-env", () => ({ DEV: false, BROWSER: true, NODE: false }));

/** The first line of what `render` throws (Svelte appends the component stack in development). */
function firstLineThrownBy(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as Error).message.split("\n")[0];
  }
  return undefined;
}

describe("the production build's messages", () => {
  it("keep a short text naming the component or function outside a <TalkSession>", () => {
    expect(firstLineThrownBy(() => render(BoxOutsideSession))).toBe("<TalkInbox> outside <TalkSession>");
    expect(firstLineThrownBy(() => render(SessionStatus))).toBe("getSessionContext() outside <TalkSession>");
  });

  it("name <TalkSession> without the explanation of a given controller", () => {
    const controller = createTalkSession({ appId, userId: "pete", talk: fakeTalk() });
    expect(() => render(SessionHarness, { controller, userId: "maria" } as never)).toThrow(
      /^<TalkSession> needs "appId"/,
    );
  });
});
