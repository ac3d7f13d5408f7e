import { vi } from "vitest";
import { createFakeCore, type FakeCore } from "@x/session-testing";

export const appId = "test-app";

/** A fake `@talkjs/core` with two conversations of Pete's: "c1" with Sam (40 messages), "c2" with Anna. */
export function seededCore(): FakeCore {
  return createFakeCore({
    seed: {
      users: [{ id: "pete" }, { id: "sam", name: "Sam" }, { id: "anna", name: "Anna" }],
      conversations: [
        {
          id: "c1",
          subject: "Order 1",
          participants: ["pete", "sam"],
          messages: Array.from({ length: 40 }, (_, index) => ({ senderId: "sam", text: `message ${index + 1}` })),
        },
        { id: "c2", subject: "Order 2", participants: ["pete", "anna"] },
      ],
    },
  });
}

/**
 * Runs the fake's timers and the promise jobs between them: `ms`, then 20 more steps of 1 ms (fake timers run a
 * `setTimeout(0)` made during a tick 1 ms later), so about `ms + 20` ms of fake time pass.
 */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let turn = 0; turn < 20; turn++) await vi.advanceTimersByTimeAsync(1);
}
