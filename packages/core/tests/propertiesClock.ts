import { afterAll, afterEach, beforeEach, expect, vi } from "vitest";
import { useFakeTime } from "./helpers";

// setImmediate is left real by useFakeTime(), so one real turn drains every pending promise job.
const drainPromiseJobs = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Moves fake time forward by `ms`, firing due timers one at a time with the promise jobs they start
 * in between, as the event loop would; much cheaper than advanceTimersByTimeAsync, which waits a real
 * millisecond per timer.
 */
export async function passTime(ms: number): Promise<void> {
  await drainPromiseJobs();
  // An object, not a `let`: the timer callback sets it, which control-flow narrowing cannot see.
  const marker = { reached: false };
  setTimeout(() => (marker.reached = true), ms);
  while (!marker.reached) {
    vi.advanceTimersToNextTimer();
    await drainPromiseJobs();
  }
}

/** Runs every pending timer and promise job until nothing is left (or `maxTimers` fired). */
export async function runUntilIdle(maxTimers = 200): Promise<void> {
  await drainPromiseJobs();
  for (let fired = 0; fired < maxTimers && vi.getTimerCount() > 0; fired++) {
    vi.advanceTimersToNextTimer();
    await drainPromiseJobs();
  }
}

/** Records unhandled promise rejections for the lifetime of a test file. */
export function recordUnhandledRejections(): { reasons: unknown[]; stop: () => void } {
  const reasons: unknown[] = [];
  const record = (reason: unknown) => void reasons.push(reason);
  process.on("unhandledRejection", record);
  return { reasons, stop: () => void process.off("unhandledRejection", record) };
}

/**
 * What every property test file sets up: fake time, muted development warnings, and no unhandled rejection allowed
 * (checked after each test, recorded for the whole file).
 */
export function usePropertyTestEnvironment(): void {
  const unhandled = recordUnhandledRejections();
  afterAll(() => unhandled.stop());
  beforeEach(() => {
    useFakeTime();
    vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    expect(unhandled.reasons).toEqual([]);
  });
}
