import { afterEach, describe, expect, it, vi } from "vitest";
import { createFakeTalk } from "../../src/index.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("ready", () => {
  it("resolves in a later macrotask, never synchronously", async () => {
    vi.useFakeTimers();
    const talk = createFakeTalk();
    const onReady = vi.fn();
    void talk.ready.then(onReady);
    await Promise.resolve();
    expect(onReady).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("starts the load delay on the first read of ready, like a script tag starting to load", async () => {
    vi.useFakeTimers();
    const talk = createFakeTalk({ readyDelayMs: 500 });
    await vi.advanceTimersByTimeAsync(10_000);
    const onReady = vi.fn();
    void talk.ready.then(onReady);
    await vi.advanceTimersByTimeAsync(499);
    expect(onReady).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("returns the same promise on every read", () => {
    const talk = createFakeTalk();
    expect(talk.ready).toBe(talk.ready);
  });

  it("waits for resolveReady() in manual mode", async () => {
    vi.useFakeTimers();
    const talk = createFakeTalk({ ready: "manual" });
    const onReady = vi.fn();
    void talk.ready.then(onReady);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onReady).not.toHaveBeenCalled();
    talk.resolveReady();
    await Promise.resolve();
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("rejects with the given error after rejectReady() in manual mode", async () => {
    const talk = createFakeTalk({ ready: "manual" });
    const failure = new Error("blocked by an ad blocker");
    talk.rejectReady(failure);
    await expect(talk.ready).rejects.toBe(failure);
  });

  it("rejects with a load error in reject mode after the delay", async () => {
    vi.useFakeTimers();
    const talk = createFakeTalk({ ready: "reject", readyDelayMs: 200 });
    const outcome = talk.ready.then(
      () => "resolved",
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(200);
    await expect(outcome).resolves.toBeInstanceOf(Error);
    await expect(outcome).resolves.toHaveProperty("message", expect.stringContaining("failed to load"));
  });

  it("never settles in never mode", async () => {
    vi.useFakeTimers();
    const talk = createFakeTalk({ ready: "never" });
    const settled = vi.fn();
    void talk.ready.then(settled, settled);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(settled).not.toHaveBeenCalled();
  });

  it("refuses an unknown ready mode with a TypeError", () => {
    // @ts-expect-error "soon" is not a ready mode
    expect(() => createFakeTalk({ ready: "soon" })).toThrow(TypeError);
  });
});

describe("using the SDK before ready", () => {
  it("throws when a Session is constructed before ready has resolved", () => {
    const talk = createFakeTalk();
    void talk.ready;
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).toThrow(/Await Talk.ready/);
    expect(talk.sessions).toHaveLength(0);
  });

  it("throws when a User is constructed before ready has resolved", () => {
    const talk = createFakeTalk({ ready: "manual" });
    expect(() => new talk.User({ id: "pete", name: "Pete" })).toThrow(TypeError);
  });

  it("throws after ready rejected, because the SDK never loaded", async () => {
    const talk = createFakeTalk({ ready: "reject" });
    await expect(talk.ready).rejects.toThrow();
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).toThrow(TypeError);
  });

  it("allows construction once ready has resolved", async () => {
    const talk = createFakeTalk();
    await talk.ready;
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    expect(session.isAlive).toBe(true);
    expect(talk.sessions).toEqual([session]);
  });
});
