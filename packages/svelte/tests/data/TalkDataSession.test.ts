import { createDataSession, type SessionError } from "@x/session-core/data";
import type { FakeCore } from "@x/session-testing";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DataSessionStore } from "../../src/lib/data/index";
import DataSessionHarness from "./harness/DataSessionHarness.svelte";
import InlineOptions from "./harness/InlineOptions.svelte";
import InPlaceSyncUser from "./harness/InPlaceSyncUser.svelte";
import Orphan from "./harness/Orphan.svelte";
import { appId, seededCore, settle } from "./helpers";

let core: FakeCore;
beforeEach(() => {
  vi.useFakeTimers();
  core = seededCore();
});
afterEach(() => vi.useRealTimers());

const text = (testId: string) => screen.getByTestId(testId).textContent;
const titles = () => screen.queryAllByTestId("title").map((element) => element.textContent);

describe("<TalkDataSession>", () => {
  it("puts the store in context, renders its children and starts one TalkJS session", async () => {
    render(DataSessionHarness, { appId, userId: "pete", core });
    expect(text("status")).toBe("loading");
    await settle();
    expect(text("status")).toBe("ready");
    expect(text("user")).toBe("pete");
    expect(core.sessions).toHaveLength(1);
  });

  it("ends its TalkJS session once the keep-alive grace passes after unmount, and destroys its own controller", async () => {
    let store: DataSessionStore | undefined;
    const { unmount } = render(DataSessionHarness, {
      appId,
      userId: "pete",
      core,
      keepAliveMs: 1000,
      titles: 1,
      conversationId: "c1",
      onStore: (given: DataSessionStore) => (store = given),
    });
    await settle();
    unmount();
    await settle(900);
    expect(core.liveSessions()).toHaveLength(1);
    await settle(100);
    expect(core.liveSessions()).toHaveLength(0);
    expect(core.subscriptionCount()).toBe(0);
    expect(store!.controller.getState().status).toBe("destroyed");
  });

  it("recreates nothing when re-rendered with inline options and an inline onError", async () => {
    const errors: string[] = [];
    render(InlineOptions, { core, errors });
    await settle();
    for (let click = 0; click < 3; click++) await fireEvent.click(screen.getByRole("button"));
    await settle();
    expect(text("renders")).toBe("3");
    expect(text("status")).toBe("ready");
    expect(core.sessions).toHaveLength(1);
    core.terminate();
    await settle();
    expect(errors).toEqual(["3:session-terminated"]);
  });

  it("hands the controller a $state option changed in place, as a plain snapshot, recreating nothing", async () => {
    const controller = createDataSession({ appId, userId: "pete", core });
    const setOptions = vi.spyOn(controller, "setOptions");
    render(InPlaceSyncUser, { controller, core });
    await settle();
    await fireEvent.click(screen.getByRole("button"));
    await settle();
    const latest = setOptions.mock.lastCall?.[0].syncUser;
    expect(latest).toEqual({ name: "Peter" });
    // A $state proxy would not survive structuredClone; a snapshot does.
    expect(structuredClone(latest)).toEqual({ name: "Peter" });
    expect(core.sessions).toHaveLength(1);
    controller.destroy();
  });

  it("switches users with one live TalkJS session at a time, ending with the new user's", async () => {
    const { rerender } = render(DataSessionHarness, { appId, userId: "pete", core, titles: 1, conversationId: "c1" });
    await settle();
    expect(titles()).toEqual(["ready:Order 1"]);
    await rerender({ userId: "sam" });
    await settle();
    expect(text("user")).toBe("sam");
    expect(core.liveSessions().map((session) => session.currentUser.id)).toEqual(["sam"]);
    expect(core.peakLiveSessions()).toBe(1);
    expect(titles()).toEqual(["ready:Order 1"]);
  });

  it("calls onError with a SessionError when TalkJS ends the session", async () => {
    const errors: SessionError[] = [];
    render(DataSessionHarness, { appId, userId: "pete", core, onError: (error: SessionError) => errors.push(error) });
    await settle();
    core.terminate();
    await settle();
    expect(errors.map((error) => error.code)).toEqual(["session-terminated"]);
    expect(text("status")).toBe("error");
  });

  it("uses a passed-in controller, keeps its options and never destroys it", async () => {
    const controller = createDataSession({ appId, userId: "sam", core });
    const { unmount } = render(DataSessionHarness, { controller });
    await settle();
    expect(text("user")).toBe("sam");
    unmount();
    await settle();
    expect(controller.getState().status).toBe("idle");
    expect(core.liveSessions()).toHaveLength(0);
    controller.destroy();
  });

  it("throws an error naming <TalkDataSession> when getDataSessionContext() is called outside one", () => {
    expect(() => render(Orphan)).toThrow("getDataSessionContext() must be called inside <TalkDataSession>");
  });

  it("throws a TypeError naming the option when the props are invalid or unknown", () => {
    expect(() => render(DataSessionHarness, { appId, core } as never)).toThrow(/"userId"/);
    expect(() => render(DataSessionHarness, { appId, userId: "pete", core, talk: {} } as never)).toThrow(/"talk"/);
    expect(core.sessions).toHaveLength(0);
  });
});

describe("query stores inside <TalkDataSession>", () => {
  it("are idle with no TalkJS subscription for an undefined id, and start the query once an id comes", async () => {
    const { rerender } = render(DataSessionHarness, {
      appId,
      userId: "pete",
      core,
      titles: 1,
      conversationId: undefined,
    });
    await settle();
    expect(text("status")).toBe("ready");
    expect(titles()).toEqual(["idle:-"]);
    const withoutId = core.subscriptionCount();

    await rerender({ conversationId: "c1" });
    await settle();
    expect(titles()).toEqual(["ready:Order 1"]);
    expect(core.subscriptionCount()).toBe(withoutId + 1);

    await rerender({ conversationId: "c2" });
    await settle();
    expect(titles()).toEqual(["ready:Order 2"]);
    expect(core.subscriptionCount()).toBe(withoutId + 1);

    await rerender({ conversationId: undefined });
    expect(titles()).toEqual(["idle:-"]);
    await settle();
    expect(core.subscriptionCount()).toBe(withoutId);
  });

  it("show a query TalkJS refuses as error (query-failed) while the session stays ready", async () => {
    const errors: SessionError[] = [];
    core.failNextSubscription(new Error("no access"));
    render(DataSessionHarness, {
      appId,
      userId: "pete",
      core,
      titles: 1,
      conversationId: "c1",
      onError: (error: SessionError) => errors.push(error),
    });
    await settle();
    expect(text("status")).toBe("ready");
    expect(titles()).toEqual(["error:-"]);
    expect(errors.map((error) => error.code)).toEqual(["query-failed"]);
  });

  it("share one TalkJS subscription among many components watching one conversation", async () => {
    const { rerender } = render(DataSessionHarness, { appId, userId: "pete", core, titles: 1, conversationId: "c1" });
    await settle();
    const oneWatcher = core.subscriptionCount();
    await rerender({ titles: 50 });
    await settle();
    expect(titles()).toHaveLength(50);
    expect(new Set(titles())).toEqual(new Set(["ready:Order 1"]));
    expect(core.subscriptionCount()).toBe(oneWatcher);
  });
});
