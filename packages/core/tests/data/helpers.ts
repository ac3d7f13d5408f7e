import { createFakeCore, type FakeCore, type FakeCoreOptions } from "@x/session-testing";
import { vi } from "vitest";
import { createDataSession } from "../../src/data/createDataSession";
import type { DataSessionOptions } from "../../src/data/types";

export const appId = "test-app";

/** A fake @talkjs/core seeded with pete, sam and conversation "c1" (with `messages` messages from sam). */
export function seededCore(options: FakeCoreOptions = {}, messages = 0): FakeCore {
  return createFakeCore({
    seed: {
      users: [
        { id: "pete", name: "Pete" },
        { id: "sam", name: "Sam" },
      ],
      conversations: [
        {
          id: "c1",
          participants: ["pete", "sam"],
          subject: "Order 1",
          messages: Array.from({ length: messages }, (_, index) => ({ senderId: "sam", text: `message ${index + 1}` })),
        },
      ],
    },
    ...options,
  });
}

/** A data controller on a fresh seeded fake, for pete, with a token fetcher unless the options say otherwise. */
export function setupData(options: Partial<DataSessionOptions> = {}, fakeOptions?: FakeCoreOptions, messages = 0) {
  const core = seededCore(fakeOptions, messages);
  const talk = createDataSession({ appId, userId: "pete", tokenFetcher: () => "token", core, ...options });
  return { core, talk };
}

/**
 * Runs the fake's timers and the promise jobs between them: `ms`, then 20 more steps of 1 ms (fake timers run a
 * `setTimeout(0)` made during a tick 1 ms later), so about `ms + 20` ms of fake time pass.
 */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let turn = 0; turn < 20; turn++) await vi.advanceTimersByTimeAsync(1);
}
