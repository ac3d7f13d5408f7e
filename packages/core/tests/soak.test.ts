import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import { useFakeTime } from "./helpers";
import { heapAfterGc } from "./support/heap";

// setImmediate stays real under these fake timers: one real turn drains every pending promise job.
const drainPromiseJobs = () => new Promise<void>((resolve) => setImmediate(resolve));

const cycles = Number(process.env.SOAK_CYCLES ?? 100_000);
// The fake keeps every session it made (for inspection), so it is replaced now and then to measure only the core.
const cyclesPerFake = 1_000;

beforeEach(() => useFakeTime());
afterEach(() => vi.useRealTimers());

describe("the session controller over many uses (soak)", () => {
  it(`leaves no live session and no SDK subscription after ${cycles.toLocaleString("en")} connect/release cycles`, async () => {
    // Totals over retired fakes; the fakes themselves are dropped so that they do not count as heap growth.
    const retired = { live: 0, subscriptions: 0, made: 0 };
    let current: FakeTalk | undefined;
    const freshFake = () => {
      if (current) {
        retired.live += current.liveSessions().length;
        retired.subscriptions += current.subscriptionCount();
        retired.made += current.sessions.length;
      }
      current = createFakeTalk();
      return current;
    };
    const optionsWith = (talk: FakeTalk) => ({
      appId: "soak-app",
      userId: "pete",
      tokenFetcher: () => "opaque-token",
      talk,
    });
    const controller = createTalkSession(optionsWith(freshFake()));
    const offMessage = controller.on("message", () => {});
    let messages = 0;
    const offCounter = controller.on("message", () => {
      messages++;
    });

    const untilReady = async () => {
      await drainPromiseJobs();
      // A fresh fake "loads" its SDK on a timer; a loaded one is ready after promise jobs only.
      while (controller.getState().status !== "ready" && vi.getTimerCount() > 0) {
        vi.advanceTimersToNextTimer();
        await drainPromiseJobs();
      }
    };
    const cycle = async () => {
      const release = controller.connect();
      await untilReady();
      expect(controller.getState().status).toBe("ready");
      release();
      vi.advanceTimersToNextTimer(); // the grace period
      await drainPromiseJobs();
    };

    for (let warmUp = 0; warmUp < cyclesPerFake; warmUp++) await cycle();
    controller.setOptions(optionsWith(freshFake()));
    const heapBefore = heapAfterGc();

    for (let done = 0; done < cycles; done++) {
      if (done % cyclesPerFake === 0) controller.setOptions(optionsWith(freshFake()));
      await cycle();
      if (done % 10_007 === 0) await emitWhileConnected();
    }

    async function emitWhileConnected() {
      const release = controller.connect();
      await untilReady();
      current!.emitMessage({ body: "still listening" });
      release();
      vi.advanceTimersToNextTimer();
      await drainPromiseJobs();
    }

    controller.setOptions(optionsWith(freshFake()));
    const heapAfter = heapAfterGc();
    const growthKb = (heapAfter - heapBefore) / 1024;
    console.log(
      `core soak: ${cycles.toLocaleString("en")} connect/release cycles, heap growth after forced GC ${growthKb.toFixed(1)} KB (goal < 1024 KB)`,
    );

    expect(controller.getState().status).toBe("idle");
    freshFake();
    expect(retired.live).toBe(0);
    expect(retired.subscriptions).toBe(0);
    expect(retired.made).toBe(cyclesPerFake + cycles + Math.ceil(cycles / 10_007));
    expect(messages).toBe(Math.ceil(cycles / 10_007));
    expect(vi.getTimerCount()).toBe(0);

    offMessage();
    offCounter();
    controller.destroy();
  }, 300_000);
});
