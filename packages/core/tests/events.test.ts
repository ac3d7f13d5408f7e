import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionError } from "../src/machine/SessionError";
import { appId, settle, setup, useFakeTime } from "./helpers";

beforeEach(() => useFakeTime());
afterEach(() => vi.useRealTimers());

describe("event fan-out", () => {
  it("delivers SDK events to handlers added before the session existed", async () => {
    const { fake, talk } = setup();
    const bodies: string[] = [];
    talk.on("message", (message) => bodies.push(message.body));
    talk.connect();
    await settle();
    fake.emitMessage({ body: "hello" });
    expect(bodies).toEqual(["hello"]);
  });

  it("uses one SDK subscription per event name, however many handlers", async () => {
    const { fake, talk } = setup();
    const calls = vi.fn();
    for (let index = 0; index < 10; index++) talk.on("message", calls);
    talk.connect();
    await settle();
    const baseline = fake.subscriptionCount();
    talk.on("message", calls);
    expect(fake.subscriptionCount()).toBe(baseline);
    talk.on("desktopNotificationClicked", () => {});
    expect(fake.subscriptionCount()).toBe(baseline + 1);
    fake.emitMessage();
    expect(calls).toHaveBeenCalledTimes(11);
  });

  it("drops the SDK subscription when the last handler of a name is removed", async () => {
    const { fake, talk } = setup();
    talk.connect();
    await settle();
    const baseline = fake.subscriptionCount();
    const offFirst = talk.on("message", () => {});
    const offSecond = talk.on("message", () => {});
    expect(fake.subscriptionCount()).toBe(baseline + 1);
    offFirst();
    offFirst();
    expect(fake.subscriptionCount()).toBe(baseline + 1);
    offSecond();
    expect(fake.subscriptionCount()).toBe(baseline);
  });

  it("removes only one registration when the same handler was added twice", async () => {
    const { fake, talk } = setup();
    const handler = vi.fn();
    const off = talk.on("message", handler);
    talk.on("message", handler);
    talk.connect();
    await settle();
    off();
    fake.emitMessage();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("keeps handlers across a re-created session after a user switch", async () => {
    const { fake, talk } = setup();
    const senders: string[] = [];
    talk.on("message", (message) => senders.push(talk.getState().session!.me.id + ":" + message.body));
    talk.connect();
    await settle();
    talk.setOptions({ appId, userId: "alice", talk: fake });
    await settle();
    expect(fake.sessions).toHaveLength(2);
    expect(fake.liveSessions()).toHaveLength(1);
    fake.emitMessage({ body: "hi" });
    expect(senders).toEqual(["alice:hi"]);
    expect(fake.sessions[0]!.isAlive).toBe(false);
  });

  it("keeps calling the other handlers when one throws, and reports the throw through error", async () => {
    const { fake, talk } = setup();
    const errors: SessionError[] = [];
    const after = vi.fn();
    talk.on("error", (error) => errors.push(error));
    talk.on("message", () => {
      throw new Error("handler bug");
    });
    talk.on("message", after);
    talk.connect();
    await settle();
    fake.emitMessage();
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe("handler-failed");
    expect((errors[0]!.cause as Error).message).toBe("handler bug");
    expect(talk.getState().status).toBe("ready");
  });

  it("hands every handler's promise back to the SDK, so browserPermissionNeeded can delay the prompt", async () => {
    const { fake, talk } = setup();
    const order: string[] = [];
    talk.on(
      "browserPermissionNeeded",
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            order.push("slow done");
            resolve();
          }, 100),
        ),
    );
    talk.on("browserPermissionNeeded", async () => {
      order.push("fast done");
    });
    talk.connect();
    await settle();
    const prompt = fake.requestBrowserPermission().then((result) => order.push(`prompt ${result}`));
    await settle(50);
    expect(order).toEqual(["fast done"]);
    await settle(100);
    await prompt;
    expect(order).toEqual(["fast done", "slow done", "prompt granted"]);
  });

  it("reports a rejected handler promise through error instead of an unhandled rejection", async () => {
    const { fake, talk } = setup();
    const errors: SessionError[] = [];
    talk.on("error", (error) => errors.push(error));
    talk.on("message", () => Promise.reject(new Error("async bug")));
    talk.connect();
    await settle();
    fake.emitMessage();
    await settle();
    expect(errors.map((error) => error.code)).toEqual(["handler-failed"]);
  });

  it("does not call a handler removed by an earlier one during the same emit, as removeEventListener does", async () => {
    const { fake, talk } = setup();
    const calls: string[] = [];
    let offSecond = () => {};
    talk.on("message", () => {
      calls.push("first");
      offSecond();
    });
    offSecond = talk.on("message", () => calls.push("second"));
    talk.on("message", () => calls.push("third"));
    talk.connect();
    await settle();
    fake.emitMessage();
    fake.emitMessage();
    expect(calls).toEqual(["first", "third", "first", "third"]);
  });

  it("calls a handler added during an emit from the next emit on, as addEventListener does", async () => {
    const { fake, talk } = setup();
    const calls: string[] = [];
    let added = false;
    talk.on("message", () => {
      calls.push("first");
      if (!added) talk.on("message", () => calls.push("late"));
      added = true;
    });
    talk.connect();
    await settle();
    fake.emitMessage();
    expect(calls).toEqual(["first"]);
    fake.emitMessage();
    expect(calls).toEqual(["first", "first", "late"]);
  });

  it("keeps the SDK subscription when a handler removes itself and adds a new one during an emit", async () => {
    const { fake, talk } = setup();
    const calls: string[] = [];
    const off = talk.on("message", () => {
      off();
      calls.push("once");
      talk.on("message", () => calls.push("next"));
    });
    talk.connect();
    await settle();
    const subscriptions = fake.subscriptionCount();
    fake.emitMessage();
    fake.emitMessage();
    expect(calls).toEqual(["once", "next"]);
    expect(fake.subscriptionCount()).toBe(subscriptions);
  });

  it("reports unread changes as unreadsChange and in the state", async () => {
    const { fake, talk } = setup();
    const counts: number[] = [];
    talk.on("unreadsChange", (unreads) => counts.push(unreads.length));
    talk.connect();
    await settle();
    fake.setUnreads(2);
    expect(counts.at(-1)).toBe(2);
    expect(talk.getState().unreads).toHaveLength(2);
    fake.setUnreads(0);
    expect(talk.getState().unreads).toEqual([]);
  });

  it("forgets the previous user's unreads when the user changes", async () => {
    const { fake, talk } = setup();
    talk.connect();
    await settle();
    fake.setUnreads(3);
    talk.setOptions({ appId, userId: "alice", talk: fake });
    expect(talk.getState().unreads).toBeUndefined();
  });

  it("delivers desktop notification clicks", async () => {
    const { fake, talk } = setup();
    const clicked = vi.fn();
    talk.on("desktopNotificationClicked", clicked);
    talk.connect();
    await settle();
    fake.clickDesktopNotification();
    expect(clicked).toHaveBeenCalledTimes(1);
  });
});
