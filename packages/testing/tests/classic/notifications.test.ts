import { describe, expect, it, vi } from "vitest";
import { lastSession, loadedTalk } from "./loadedTalk.js";

describe("setDesktopNotificationEnabled()", () => {
  it("enables and disables notifications when permission is granted", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    expect(lastSession(talk).desktopNotificationsEnabled).toBeUndefined();
    await session.setDesktopNotificationEnabled(true);
    expect(lastSession(talk).desktopNotificationsEnabled).toBe(true);
    await session.setDesktopNotificationEnabled(false, { alertOnFailure: false });
    expect(lastSession(talk).desktopNotificationsEnabled).toBe(false);
  });

  it("emits browserPermissionDenied and rejects with NOTIFICATIONS_PERMISSION_DENIED when permission is denied", async () => {
    const talk = await loadedTalk({ notificationPermission: "denied" });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const onDenied = vi.fn();
    session.onBrowserPermissionDenied(onDenied);
    await expect(session.setDesktopNotificationEnabled(true)).rejects.toMatchObject({
      code: "NOTIFICATIONS_PERMISSION_DENIED",
    });
    expect(onDenied).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ type: "notifications" }));
    expect(lastSession(talk).desktopNotificationsEnabled).toBeUndefined();
  });

  it("rejects with NOTIFICATIONS_NOT_SUPPORTED when the browser has no notifications", async () => {
    const talk = await loadedTalk({ notificationPermission: "unsupported" });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const error = await session.setDesktopNotificationEnabled(true).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toHaveProperty("code", "NOTIFICATIONS_NOT_SUPPORTED");
  });

  it("can always disable notifications, whatever the permission", async () => {
    const talk = await loadedTalk({ notificationPermission: "denied" });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    await expect(session.setDesktopNotificationEnabled(false)).resolves.toBeUndefined();
  });
});

describe("requestBrowserPermission()", () => {
  it("waits for every promise the browserPermissionNeeded handlers return before resolving", async () => {
    const talk = await loadedTalk({ notificationPermission: "denied" });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    let releaseFirst: () => void = () => undefined;
    let releaseSecond: () => void = () => undefined;
    session.onBrowserPermissionNeeded(() => new Promise<void>((resolve) => (releaseFirst = resolve)));
    session.onBrowserPermissionNeeded(() => new Promise<void>((resolve) => (releaseSecond = resolve)));
    const onDenied = vi.fn();
    session.onBrowserPermissionDenied(onDenied);
    const done = vi.fn();
    void talk.requestBrowserPermission().then(done);
    releaseFirst();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onDenied).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
    releaseSecond();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(onDenied).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ type: "notifications" }));
    expect(done).toHaveBeenCalledWith("denied");
  });

  it("passes the permission type and does not emit browserPermissionDenied when granted", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const onNeeded = vi.fn();
    const onDenied = vi.fn();
    session.onBrowserPermissionNeeded(onNeeded);
    session.onBrowserPermissionDenied(onDenied);
    await expect(talk.requestBrowserPermission(undefined, "microphone")).resolves.toBe("granted");
    expect(onNeeded).toHaveBeenCalledWith(expect.objectContaining({ type: "microphone" }));
    expect(onDenied).not.toHaveBeenCalled();
  });

  it("emits nothing when permissions are unsupported, as TalkJS without the Permissions API", async () => {
    const talk = await loadedTalk({ notificationPermission: "unsupported" });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const onNeeded = vi.fn();
    session.onBrowserPermissionNeeded(onNeeded);
    await expect(talk.requestBrowserPermission()).resolves.toBe("unsupported");
    expect(onNeeded).not.toHaveBeenCalled();
  });

  it("skips the denied event when a handler calls preventDefault()", async () => {
    const talk = await loadedTalk({ notificationPermission: "denied" });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const onDenied = vi.fn();
    session.onBrowserPermissionNeeded((event) => event.preventDefault());
    session.onBrowserPermissionDenied(onDenied);
    await talk.requestBrowserPermission();
    expect(onDenied).not.toHaveBeenCalled();
  });
});
