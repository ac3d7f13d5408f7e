import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { vi } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import type { SessionController, SessionOptions } from "../src/classic/types";

export const appId = "test-app";

/** Fake timers for setTimeout and Date only: WebCrypto (JWT signing and checks) completes on real I/O ticks. */
export function useFakeTime(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
}

const realTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs due timers and the promise jobs they start, letting crypto work finish, as the event loop would. */
export async function settle(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  for (let tick = 0; tick < 20; tick++) {
    await realTick();
    await vi.advanceTimersByTimeAsync(0);
  }
}

/** Lets the event loop turn until `condition` holds: for work that waits on real crypto, however loaded the machine. */
export async function settleUntil(condition: () => boolean, maxTurns = 5000): Promise<void> {
  for (let turn = 0; turn < maxTurns && !condition(); turn++) {
    await realTick();
    await vi.advanceTimersByTimeAsync(0);
  }
}

type TestOptions = Partial<Omit<SessionOptions, "talk">> & { fake?: FakeTalk };

/** A controller wired to a fresh fake SDK, with a user id unless the options name one. */
export function setup(options: TestOptions = {}, fakeOptions?: Parameters<typeof createFakeTalk>[0]) {
  const { fake: givenFake, ...rest } = options;
  const fake = givenFake ?? createFakeTalk(fakeOptions);
  const withUser = rest.syncUser === undefined && rest.userId === undefined ? { userId: "pete", ...rest } : rest;
  const talk = createTalkSession({ appId, talk: fake, ...withUser } as SessionOptions);
  return { fake, talk };
}

/** Every status the controller passes through, in order. */
export function statuses(talk: SessionController): string[] {
  const seen: string[] = [];
  talk.subscribe(() => {
    const { status } = talk.getState();
    if (seen[seen.length - 1] !== status) seen.push(status);
  });
  return seen;
}
