import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import { appId, settle, setup, useFakeTime, statuses } from "./helpers";

beforeEach(() => useFakeTime());
afterEach(() => vi.useRealTimers());

describe("a session controller's lifecycle", () => {
  it("starts idle and loads nothing until connect() is called", async () => {
    const load = vi.fn();
    const talk = createTalkSession({ appId, userId: "pete", talk: load });
    await settle(100);
    expect(talk.getState()).toEqual({ status: "idle", session: undefined, unreads: undefined, error: undefined });
    expect(load).not.toHaveBeenCalled();
  });

  it("goes from idle through loading to ready with one live Talk.Session", async () => {
    const { fake, talk } = setup();
    const seen = statuses(talk);
    talk.connect();
    expect(talk.getState().status).toBe("loading");
    await settle();
    expect(seen).toEqual(["loading", "ready"]);
    expect(fake.liveSessions()).toHaveLength(1);
    expect(talk.getState().session).toBe(fake.liveSessions()[0]);
  });

  it("keeps the same state object until something changes", async () => {
    const { talk } = setup();
    const before = talk.getState();
    expect(talk.getState()).toBe(before);
    talk.connect();
    await settle();
    const ready = talk.getState();
    expect(ready).not.toBe(before);
    expect(talk.getState()).toBe(ready);
    expect(Object.isFrozen(ready)).toBe(true);
  });

  it("keeps the session when released and reconnected in the same task, as a StrictMode remount does", async () => {
    const { fake, talk } = setup();
    const release = talk.connect();
    await settle();
    release();
    talk.connect();
    await settle(1000);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);
    expect(talk.getState().status).toBe("ready");
  });

  it("constructs a single Talk.Session for connect, release, connect during loading", async () => {
    const { fake, talk } = setup();
    talk.connect()();
    talk.connect();
    await settle();
    expect(fake.sessions).toHaveLength(1);
    expect(talk.getState().status).toBe("ready");
  });

  it("creates nothing when released before ready", async () => {
    const { fake, talk } = setup({}, { readyDelayMs: 50 });
    const release = talk.connect();
    release();
    await settle(1000);
    expect(fake.sessions).toHaveLength(0);
    expect(talk.getState().status).toBe("idle");
  });

  it("creates nothing when released in the task that loads the SDK", async () => {
    const { fake, talk } = setup();
    talk.connect()();
    await settle(1000);
    expect(fake.sessions).toHaveLength(0);
    expect(talk.getState().status).toBe("idle");
  });

  it("destroys the Talk.Session one grace period after the last release and returns to idle", async () => {
    const { fake, talk } = setup();
    const first = talk.connect();
    const second = talk.connect();
    await settle();
    first();
    first();
    await settle(10);
    expect(fake.liveSessions()).toHaveLength(1);
    second();
    await settle();
    expect(fake.liveSessions()).toHaveLength(0);
    expect(fake.subscriptionCount()).toBe(0);
    expect(talk.getState().status).toBe("idle");
  });

  it("waits keepAliveMs before destroying, and a reconnect within it keeps the session", async () => {
    const { fake, talk } = setup({ keepAliveMs: 5000 });
    talk.connect()();
    await settle(4000);
    talk.connect();
    await settle(10_000);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);
  });

  it("connects again after going idle, with a new Talk.Session", async () => {
    const { fake, talk } = setup();
    talk.connect()();
    await settle();
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("ready");
    expect(fake.liveSessions()).toHaveLength(1);
  });

  it("destroy() is final and idempotent, leaving no live session and no SDK subscription", async () => {
    const { fake, talk } = setup();
    talk.on("message", () => {});
    talk.on("desktopNotificationClicked", () => {});
    talk.connect();
    await settle();
    expect(fake.subscriptionCount()).toBeGreaterThan(0);
    talk.destroy();
    talk.destroy();
    expect(talk.getState().status).toBe("destroyed");
    expect(fake.liveSessions()).toHaveLength(0);
    expect(fake.subscriptionCount()).toBe(0);
    talk.connect();
    talk.retry();
    await settle(1000);
    expect(fake.sessions).toHaveLength(1);
    expect(talk.getState().status).toBe("destroyed");
  });

  it("stops calling subscribers after destroy", async () => {
    const { talk } = setup();
    const listener = vi.fn();
    talk.subscribe(listener);
    talk.destroy();
    expect(listener).toHaveBeenCalledTimes(1);
    talk.setOptions({ appId, userId: "other" });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("unsubscribes a state listener", async () => {
    const { talk } = setup();
    const listener = vi.fn();
    const unsubscribe = talk.subscribe(listener);
    unsubscribe();
    talk.connect();
    await settle();
    expect(listener).not.toHaveBeenCalled();
  });

  it("whenReady() resolves with the live session, also when called before connect", async () => {
    const { fake, talk } = setup();
    const ready = talk.whenReady();
    talk.connect();
    await settle();
    await expect(ready).resolves.toBe(fake.liveSessions()[0]);
    await expect(talk.whenReady()).resolves.toBe(fake.liveSessions()[0]);
  });

  it("whenReady() rejects once the controller is destroyed", async () => {
    const { talk } = setup();
    const pending = talk.whenReady();
    talk.destroy();
    await expect(pending).rejects.toThrow(/destroyed/);
    await expect(talk.whenReady()).rejects.toThrow(/destroyed/);
  });

  it("never has two live sessions while connections come and go", async () => {
    const { fake, talk } = setup();
    let maxAlive = 0;
    const releases: Array<() => void> = [];
    for (let step = 0; step < 50; step++) {
      if (step % 3 === 2) releases.shift()?.();
      else releases.push(talk.connect());
      await settle(step % 5);
      maxAlive = Math.max(maxAlive, fake.liveSessions().length);
    }
    expect(maxAlive).toBe(1);
  });
});
