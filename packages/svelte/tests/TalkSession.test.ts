import { createTalkSession, type SessionError } from "@x/session-core";
import type Talk from "talkjs";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import InlineProps from "./harness/InlineProps.svelte";
import SessionHarness from "./harness/SessionHarness.svelte";
import SessionStatus from "./harness/SessionStatus.svelte";
import type { SessionStore } from "../src/lib/index";
import { appId, fakeTalk, settle } from "./helpers";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const text = (testId: string) => screen.getByTestId(testId).textContent;

describe("<TalkSession>", () => {
  it("puts the store in context and renders its children", async () => {
    const fake = fakeTalk();
    render(SessionHarness, { appId, userId: "pete", talk: fake });
    expect(text("status")).toBe("loading");
    await settle();
    expect(text("status")).toBe("ready");
    expect(text("user")).toBe("pete");
  });

  it("calls onMessage, onUnreadsChange and the latest callback after a prop change", async () => {
    const fake = fakeTalk();
    const onMessage = vi.fn();
    const onUnreadsChange = vi.fn();
    const { rerender } = render(SessionHarness, { appId, userId: "pete", talk: fake, onMessage, onUnreadsChange });
    await settle();
    fake.emitMessage({ body: "hello" });
    expect(onMessage).toHaveBeenCalledWith(expect.objectContaining({ body: "hello" }));
    fake.setUnreads(2);
    await settle();
    expect(onUnreadsChange).toHaveBeenCalledWith(expect.any(Array));
    expect(text("unreads")).toBe("2");

    const subscriptions = fake.subscriptionCount();
    const latest = vi.fn();
    await rerender({ onMessage: latest });
    fake.emitMessage({ body: "again" });
    expect(latest).toHaveBeenCalledTimes(1);
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(fake.subscriptionCount()).toBe(subscriptions);
  });

  it("calls onDesktopNotificationClicked and the browser permission callbacks", async () => {
    const fake = fakeTalk({ notificationPermission: "denied" });
    const onDesktopNotificationClicked = vi.fn();
    const onBrowserPermissionNeeded = vi.fn();
    const onBrowserPermissionDenied = vi.fn();
    render(SessionHarness, {
      appId,
      userId: "pete",
      talk: fake,
      onDesktopNotificationClicked,
      onBrowserPermissionNeeded,
      onBrowserPermissionDenied,
    });
    await settle();
    fake.clickDesktopNotification();
    expect(onDesktopNotificationClicked).toHaveBeenCalledTimes(1);
    await fake.requestBrowserPermission();
    expect(onBrowserPermissionNeeded).toHaveBeenCalledTimes(1);
    expect(onBrowserPermissionDenied).toHaveBeenCalledTimes(1);
  });

  it("calls onError with a SessionError when the session cannot be created", async () => {
    const fake = fakeTalk();
    fake.failNextSession();
    const errors: SessionError[] = [];
    render(SessionHarness, { appId, userId: "pete", talk: fake, onError: (error: SessionError) => errors.push(error) });
    await settle();
    expect(errors.map((error) => error.code)).toEqual(["session-create-failed"]);
    expect(text("status")).toBe("error");
  });

  it("switches users with one live session, for the new user", async () => {
    const fake = fakeTalk();
    const { rerender } = render(SessionHarness, { appId, userId: "pete", talk: fake });
    await settle();
    await rerender({ userId: "alice" });
    await settle();
    expect(fake.liveSessions().map((session) => session.me.id)).toEqual(["alice"]);
    expect(fake.sessions).toHaveLength(2);
    expect(text("user")).toBe("alice");
  });

  it("recreates nothing when an inline syncUser returns the same data", async () => {
    const fake = fakeTalk();
    const syncUser = (): Talk.User => new fake.User({ id: "pete", name: "Pete" });
    const { rerender } = render(SessionHarness, { appId, syncUser, talk: fake });
    await settle();
    await rerender({ syncUser: () => new fake.User({ id: "pete", name: "Pete" }) });
    await rerender({ syncUser: () => new fake.User({ name: "Pete", id: "pete" }) });
    await settle();
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);
  });

  it("keeps one session across re-renders with inline arrow props that read state", async () => {
    const fake = fakeTalk();
    render(InlineProps, { talk: fake });
    await settle();
    const button = screen.getByRole("button");
    for (let click = 0; click < 3; click++) await fireEvent.click(button);
    await settle();
    expect(text("renders")).toBe("3");
    expect(fake.sessions).toHaveLength(1);
    fake.emitMessage();
    fake.emitMessage();
    await settle();
    expect(text("messages")).toBe("2");
  });

  it("ends with one live session for the last user after fast user switches", async () => {
    const fake = fakeTalk({ readyDelayMs: 50 });
    const { rerender } = render(SessionHarness, { appId, userId: "pete", talk: fake });
    await rerender({ userId: "alice" });
    await settle(10);
    await rerender({ userId: "bob" });
    await settle(100);
    expect(fake.liveSessions().map((session) => session.me.id)).toEqual(["bob"]);
    expect(text("user")).toBe("bob");
  });

  it("recreates the session when the synced user's data changes", async () => {
    const fake = fakeTalk();
    const { rerender } = render(SessionHarness, {
      appId,
      syncUser: () => new fake.User({ id: "pete", name: "Pete" }),
      talk: fake,
    });
    await settle();
    await rerender({ syncUser: () => new fake.User({ id: "pete", name: "Peter" }) });
    await settle();
    expect(fake.sessions).toHaveLength(2);
    expect(fake.liveSessions().map((session) => session.me.name)).toEqual(["Peter"]);
  });

  it("applies desktopNotificationsEnabled without recreating the session", async () => {
    const fake = fakeTalk();
    const { rerender } = render(SessionHarness, {
      appId,
      userId: "pete",
      talk: fake,
      desktopNotificationsEnabled: false,
    });
    await settle();
    await rerender({ desktopNotificationsEnabled: true });
    await settle();
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()[0]?.desktopNotificationsEnabled).toBe(true);
  });

  it("creates no session when unmounted while the SDK loads", async () => {
    const fake = fakeTalk({ ready: "manual" });
    const { unmount } = render(SessionHarness, { appId, userId: "pete", talk: fake });
    await settle();
    unmount();
    fake.resolveReady();
    await settle(1000);
    expect(fake.sessions).toHaveLength(0);
  });

  it("destroys its own store's controller once the keep-alive grace passes after unmount", async () => {
    const fake = fakeTalk();
    let store: SessionStore | undefined;
    const { unmount } = render(SessionHarness, {
      appId,
      userId: "pete",
      talk: fake,
      keepAliveMs: 1000,
      onStore: (given: SessionStore) => (store = given),
    });
    await settle();
    unmount();
    await settle(999);
    expect(fake.liveSessions()).toHaveLength(1);
    await settle(1);
    expect(fake.liveSessions()).toHaveLength(0);
    expect(fake.subscriptionCount()).toBe(0);
    expect(store!.controller.getState().status).toBe("destroyed");
    await expect(store!.whenReady()).rejects.toThrow(/destroyed/);
  });

  it("rejects a child's pending whenReady() once its own store is destroyed after unmount", async () => {
    const fake = fakeTalk({ ready: "manual" });
    let store: SessionStore | undefined;
    const { unmount } = render(SessionHarness, {
      appId,
      userId: "pete",
      talk: fake,
      onStore: (given: SessionStore) => (store = given),
    });
    const outcome = store!.whenReady().then(
      () => "resolved",
      () => "rejected",
    );
    unmount();
    await settle();
    expect(await outcome).toBe("rejected");
    fake.resolveReady();
    await settle();
    expect(fake.sessions).toHaveLength(0);
  });

  it("releases but never destroys a controller passed in", async () => {
    const fake = fakeTalk();
    const controller = createTalkSession({ appId, userId: "pete", talk: fake });
    const onMessage = vi.fn();
    const { unmount } = render(SessionHarness, { controller, onMessage });
    await settle();
    expect(text("status")).toBe("ready");
    unmount();
    fake.emitMessage();
    expect(onMessage).not.toHaveBeenCalled();
    await settle();
    expect(controller.getState().status).toBe("idle");
    controller.destroy();
  });

  it("throws an error naming <TalkSession> and the prop when props are wrong", () => {
    expect(() => render(SessionHarness, { appId, talk: fakeTalk() } as never)).toThrow(
      '<TalkSession> needs exactly one of "userId" or "syncUser"; got neither.',
    );
  });
});

describe("getSessionContext", () => {
  it("throws a clear error outside a <TalkSession>", () => {
    expect(() => render(SessionStatus)).toThrow("getSessionContext() must be called inside <TalkSession>.");
  });
});
