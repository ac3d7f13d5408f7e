import { vi } from "vitest";
import { createFakeCore, type FakeCore, type FakeCoreOptions, type FakeTalkSession } from "../../src/index.js";

export const appId = "test-app";

/** A fake core seeded with pete and sam in conversation "c1". */
export function seededCore(options: FakeCoreOptions = {}): FakeCore {
  return createFakeCore({
    seed: {
      users: [
        { id: "pete", name: "Pete" },
        { id: "sam", name: "Sam" },
      ],
      conversations: [{ id: "c1", participants: ["pete", "sam"], subject: "Order 1" }],
    },
    ...options,
  });
}

/** A session that answers every `onNeedToken` with a token, as an app would. */
export function sessionWithTokens(core: FakeCore, userId = "pete", token = "token"): FakeTalkSession {
  const session = core.getTalkSession({ appId, userId });
  session.onNeedToken = () => session.setToken(token);
  return session;
}

/** Lets the fake's timers and the microtasks between them run (the fake's default latency is 0). */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await vi.advanceTimersByTimeAsync(0);
}
