import { createTalkSession } from "@x/session-core";
import { render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import SessionHarness from "./harness/SessionHarness.svelte";
import { appId, fakeTalk, settle } from "./helpers";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe("<TalkSession controller>", () => {
  it("keeps the given controller's options when no option prop is given", async () => {
    const fake = fakeTalk();
    const controller = createTalkSession({ appId, userId: "pete", talk: fake });
    render(SessionHarness, { controller });
    await settle();
    expect(text("user")).toBe("pete");
  });

  it("replaces the given controller's options with the option props, and follows their changes", async () => {
    const fake = fakeTalk();
    const controller = createTalkSession({ appId, userId: "pete", talk: fake });
    const { rerender } = render(SessionHarness, { controller, appId, userId: "maria", talk: fake });
    await settle();
    expect(text("user")).toBe("maria");
    await rerender({ userId: "anna" });
    await settle();
    expect(text("user")).toBe("anna");
    expect(fake.sessions.map((session) => session.me.id)).toEqual(["maria", "anna"]);
    expect(fake.peakLiveSessions()).toBe(1);
  });

  it("throws a TypeError naming <TalkSession>, the controller and the missing prop for incomplete option props", () => {
    const controller = createTalkSession({ appId, userId: "pete", talk: fakeTalk() });
    expect(() => render(SessionHarness, { controller, userId: "maria" } as never)).toThrow(
      /^<TalkSession> \(given "controller", the option props replace all of its options\) needs "appId"/,
    );
    expect(controller.getState().status).toBe("idle");
  });
});
