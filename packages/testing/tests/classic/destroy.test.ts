import { describe, expect, it, vi } from "vitest";
import type Talk from "talkjs";
import { createFakeTalk } from "../../src/index.js";
import { loadedTalk, lastSession } from "./loadedTalk.js";

const DESTROYED = /\[TalkJS\] This session has been destroyed/;

describe("a destroyed session", () => {
  it("is not alive and is no longer listed as live", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    session.destroy();
    expect(session.isAlive).toBe(false);
    expect(talk.liveSessions()).toEqual([]);
    expect(talk.sessions).toHaveLength(1);
  });

  it("counts the most sessions ever alive at once", async () => {
    const talk = await loadedTalk();
    const first = new talk.Session({ appId: "test-app", userId: "pete" });
    first.destroy();
    const second = new talk.Session({ appId: "test-app", userId: "alice" });
    expect(talk.peakLiveSessions()).toBe(1);
    new talk.Session({ appId: "test-app", userId: "bob" });
    second.destroy();
    expect(talk.peakLiveSessions()).toBe(2);
    expect(talk.liveSessions()).toHaveLength(1);
  });

  it("can be destroyed again without throwing", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    session.destroy();
    expect(() => session.destroy()).not.toThrow();
  });

  it.each<[string, (session: Talk.Session) => unknown]>([
    ["onMessage", (session) => session.onMessage(() => undefined)],
    ["onDesktopNotificationClicked", (session) => session.onDesktopNotificationClicked(() => undefined)],
    ["onBrowserPermissionNeeded", (session) => session.onBrowserPermissionNeeded(() => undefined)],
    ["onBrowserPermissionDenied", (session) => session.onBrowserPermissionDenied(() => undefined)],
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated on() must also throw after destroy()
    ["on", (session) => session.on("message", () => undefined)],
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated off() must also throw after destroy()
    ["off", (session) => session.off("message", () => undefined)],
    ["unreads.onChange", (session) => session.unreads.onChange(() => undefined)],
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated unreads.on() must also throw after destroy()
    ["unreads.on", (session) => session.unreads.on("change", () => undefined)],
    ["hasValidCredentials", (session) => session.hasValidCredentials()],
    ["setDesktopNotificationEnabled", (session) => session.setDesktopNotificationEnabled(true)],
    ["createInbox", (session) => session.createInbox()],
    ["createChatbox", (session) => session.createChatbox()],
    ["createPopup", (session) => session.createPopup()],
    ["getInboxes", (session) => session.getInboxes()],
    ["getChatboxes", (session) => session.getChatboxes()],
    ["getPopups", (session) => session.getPopups()],
  ])("throws from %s", async (_, call) => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    session.destroy();
    expect(() => call(session)).toThrow(DESTROYED);
  });

  it("throws from the test-only emit helpers too", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "pete" });
    const session = lastSession(talk);
    session.destroy();
    expect(() => talk.emitMessage({}, session)).toThrow(DESTROYED);
    expect(() => talk.setUnreads(1, session)).toThrow(DESTROYED);
    expect(() => talk.refreshToken(session)).toThrow(DESTROYED);
  });

  it("stops its scheduled token refresh", async () => {
    vi.useFakeTimers();
    try {
      const talk = createFakeTalk({ refreshBeforeExpiryMs: 0 });
      const ready = talk.ready;
      await vi.advanceTimersByTimeAsync(0);
      await ready;
      const exp = Math.floor(Date.now() / 1000) + 60;
      const token = `e30.${btoa(JSON.stringify({ exp })).replace(/=+$/, "")}.c2ln`;
      const tokenFetcher = vi.fn(() => "next-token");
      const session = new talk.Session({ appId: "test-app", userId: "pete", token, tokenFetcher });
      await session.hasValidCredentials();
      session.destroy();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(tokenFetcher).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it("destroys its UI boxes", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const inbox = session.createInbox();
    session.destroy();
    expect(inbox.isAlive).toBe(false);
  });
});
