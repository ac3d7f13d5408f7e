import { createFakeTalk, type FakeTalk, type FakeTalkOptions } from "@x/session-testing";
import { vi } from "vitest";

export const appId = "test-app";

/** Runs due timers and the promise jobs they start, as the event loop would. */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** A fresh fake SDK; every test gets its own. */
export function fakeTalk(options?: FakeTalkOptions): FakeTalk {
  return createFakeTalk(options);
}
