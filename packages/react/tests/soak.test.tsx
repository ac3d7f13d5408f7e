import { act } from "react";
import { createRoot } from "react-dom/client";
import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { Session, useSessionState } from "../src";
import { heapAfterGc } from "../../core/tests/support/heap";

// setImmediate stays real under these fake timers: one real turn drains every pending promise job.
const drainPromiseJobs = () => new Promise<void>((resolve) => setImmediate(resolve));

const cycles = Number(process.env.SOAK_CYCLES ?? 10_000);
// The fake keeps every session it made (for inspection), so it is replaced now and then to measure only our code.
const cyclesPerFake = 500;
const warmUpCycles = 2_000;

function Status() {
  return <p>{useSessionState().status}</p>;
}

// Testing Library sets this when imported; this file drives react-dom directly.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

beforeEach(
  () => void vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] }),
);
afterEach(() => void vi.useRealTimers());

describe("<Session> over many mounts (soak)", () => {
  it(`leaves no live session and no SDK subscription after ${cycles.toLocaleString("en")} mount/unmount cycles`, async () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    const retired = { live: 0, subscriptions: 0, made: 0 };
    let fake: FakeTalk | undefined;
    const freshFake = () => {
      if (fake) {
        retired.live += fake.liveSessions().length;
        retired.subscriptions += fake.subscriptionCount();
        retired.made += fake.sessions.length;
      }
      fake = createFakeTalk();
      return fake;
    };
    let messages = 0;

    const cycle = async (talk: FakeTalk) => {
      // Inline props, as apps write them: a new function identity every mount.
      act(() =>
        root.render(
          <Session
            appId="soak-app"
            userId="pete"
            talk={talk}
            tokenFetcher={() => "opaque-token"}
            onMessage={() => {
              messages++;
            }}
          >
            <Status />
          </Session>,
        ),
      );
      await act(async () => {
        await drainPromiseJobs();
        while (container.textContent !== "ready" && vi.getTimerCount() > 0) {
          vi.advanceTimersToNextTimer();
          await drainPromiseJobs();
        }
      });
      expect(container.textContent).toBe("ready");
      act(() => root.render(null));
      await act(async () => {
        vi.advanceTimersToNextTimer(); // the grace period
        await drainPromiseJobs();
      });
    };

    // React, jsdom and V8 settle into a steady heap only after a few thousand renders (30,000 cycles grow no more than 10,000).
    for (let warmUp = 0; warmUp < warmUpCycles; warmUp++) {
      if (warmUp % cyclesPerFake === 0) freshFake();
      await cycle(fake!);
    }
    freshFake();
    const heapBefore = heapAfterGc();

    for (let done = 0; done < cycles; done++) {
      if (done % cyclesPerFake === 0) freshFake();
      await cycle(fake!);
    }

    freshFake();
    const heapAfter = heapAfterGc();
    const growthKb = (heapAfter - heapBefore) / 1024;
    console.log(
      `react soak: ${cycles.toLocaleString("en")} <Session> mount/unmount cycles, heap growth after forced GC ${growthKb.toFixed(1)} KB (goal < 1024 KB)`,
    );

    expect(retired.live).toBe(0);
    expect(retired.subscriptions).toBe(0);
    expect(retired.made).toBe(warmUpCycles + cycles);
    expect(messages).toBe(0);
    act(() => root.unmount());
  }, 300_000);
});
