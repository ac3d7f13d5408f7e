import { createFakeTalk, signTestToken } from "@x/session-testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import type { SessionOptions, TokenFetcher } from "../src/classic/types";
import { appId, settle, useFakeTime } from "./helpers";

const tokenLifetimeMs = 5 * 60_000;
const dayMs = 24 * 60 * 60_000;
const refreshes = dayMs / tokenLifetimeMs; // 288
// The fake asks for a new token this long before `exp`, as TalkJS does.
const refreshBeforeExpiryMs = 10_000;

/** Abort listeners alive on every AbortSignal while a test runs (a live session's are on its attempt's signal). */
function countAbortListeners(): () => number {
  let live = 0;
  const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype as {
    addEventListener: (this: EventTarget, ...args: Parameters<EventTarget["addEventListener"]>) => void;
    removeEventListener: (this: EventTarget, ...args: Parameters<EventTarget["removeEventListener"]>) => void;
  };
  vi.spyOn(AbortSignal.prototype, "addEventListener").mockImplementation(function (this: AbortSignal, ...args) {
    if (args[0] === "abort") live++;
    add.apply(this, args);
  });
  vi.spyOn(AbortSignal.prototype, "removeEventListener").mockImplementation(function (this: AbortSignal, ...args) {
    if (args[0] === "abort") live--;
    remove.apply(this, args);
  });
  return () => live;
}

/** 5-minute JWTs for the whole day, signed before it starts: token k expires (k + 1) × 5 minutes from now. */
async function tokensForTheDay(): Promise<string[]> {
  const start = Math.floor(Date.now() / 1000);
  return Promise.all(
    Array.from({ length: refreshes + 1 }, (_, index) =>
      signTestToken({
        secret: "soak-secret",
        appId,
        userId: "pete",
        exp: start + ((index + 1) * tokenLifetimeMs) / 1000,
      }),
    ),
  );
}

interface Figures {
  listeners: number;
  timers: number;
}

/** Live abort listeners and pending timers at the start, after each refresh (the most seen) and at the end. */
function figures(listeners: () => number) {
  const now = (): Figures => ({ listeners: listeners(), timers: vi.getTimerCount() });
  const start = now();
  const afterRefresh: Figures = { listeners: 0, timers: 0 };
  return {
    start,
    /** Call once a refresh is over: the new token reached TalkJS and nothing waits for it any more. */
    sample() {
      const { listeners: live, timers } = now();
      afterRefresh.listeners = Math.max(afterRefresh.listeners, live);
      afterRefresh.timers = Math.max(afterRefresh.timers, timers);
    },
    finish(kind: string, fetcherCalls = "") {
      const end = now();
      console.log(
        `core token soak (${kind}): ${refreshes} refreshes of 5-minute tokens over 24 h of fake time${fetcherCalls}; ` +
          `abort listeners ${end.listeners} at the end, at most ${afterRefresh.listeners} after a refresh (${start.listeners} at the start); ` +
          `pending timers ${end.timers} at the end, at most ${afterRefresh.timers} after a refresh (${start.timers} at the start) ` +
          `(goal: no more than at the start)`,
      );
      expect(end.listeners).toBeLessThanOrEqual(start.listeners);
      expect(end.timers).toBeLessThanOrEqual(start.timers);
      expect(afterRefresh.listeners).toBeLessThanOrEqual(start.listeners);
      expect(afterRefresh.timers).toBeLessThanOrEqual(start.timers);
    },
  };
}

beforeEach(() => useFakeTime());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("a day of token refreshes on a live session (soak)", () => {
  /** Runs a day with a fetcher; TalkJS (the fake) asks for each new token 10 s before the current one's `exp`. */
  async function dayWithFetcher(kind: string, makeFetcher: (tokens: string[]) => TokenFetcher) {
    const listeners = countAbortListeners();
    const tokens = await tokensForTheDay();
    const fake = createFakeTalk({ refreshBeforeExpiryMs });
    let calls = 0;
    const fetcher = makeFetcher(tokens);
    const tokenFetcher: TokenFetcher = (context) => {
      calls++;
      return fetcher(context);
    };
    const talk = createTalkSession({ appId, userId: "pete", talk: fake, tokenFetcher });
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("ready");
    const measured = figures(listeners);

    for (let period = 0; period < refreshes; period++) {
      await settle(tokenLifetimeMs);
      measured.sample();
    }

    measured.finish(kind, `, ${calls} fetcher calls`);
    const [session] = fake.sessions;
    expect(fake.sessions).toHaveLength(1);
    expect(talk.getState().status).toBe("ready");
    expect(session!.authenticated).toBe(true);
    // Every token of the day reached TalkJS, in order (a paced repeat is recorded again, so duplicates are dropped).
    expect([...new Set(session!.tokens)]).toEqual(tokens);
    talk.destroy();
    return calls;
  }

  it(`a paced fetcher (the same token again, then a new one) leaves no more abort listeners or timers after ${refreshes} refreshes`, async () => {
    // A caching endpoint: asked to replace its token, it hands the same one once more; the core paces that repeat.
    const calls = await dayWithFetcher("paced", (tokens) => {
      let served = 0;
      let repeated = false;
      return () => {
        if (served > 0 && !repeated) {
          repeated = true;
          return tokens[served - 1]!;
        }
        repeated = false;
        return tokens[served++]!;
      };
    });
    expect(calls).toBe(1 + 2 * refreshes);
  }, 120_000);

  it(`a retried fetcher (fails, then succeeds) leaves no more abort listeners or timers after ${refreshes} refreshes`, async () => {
    const calls = await dayWithFetcher("retried", (tokens) => {
      let served = 0;
      let failed = false;
      return () => {
        if (served > 0 && !failed) {
          failed = true;
          throw new Error("token endpoint briefly down");
        }
        failed = false;
        return tokens[served++]!;
      };
    });
    expect(calls).toBe(1 + 2 * refreshes);
  }, 120_000);

  it(`token-only (a new "token" passed when TalkJS asks) leaves no more abort listeners or timers after ${refreshes} refreshes`, async () => {
    const listeners = countAbortListeners();
    const tokens = await tokensForTheDay();
    const fake = createFakeTalk({ refreshBeforeExpiryMs });
    const optionsWith = (token: string): SessionOptions => ({ appId, userId: "pete", talk: fake, token });
    const talk = createTalkSession(optionsWith(tokens[0]!));
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("ready");
    const [session] = fake.sessions;
    const measured = figures(listeners);

    for (let period = 0; period < refreshes; period++) {
      await settle(tokenLifetimeMs - refreshBeforeExpiryMs);
      expect(session!.tokenFetchCount).toBe(period + 1); // TalkJS asked for a new token; the core waits for the app.
      talk.setOptions(optionsWith(tokens[period + 1]!));
      await settle();
      measured.sample(); // Before the old token's exp: a wait that ended must not keep its timer until then.
      await settle(refreshBeforeExpiryMs);
    }

    measured.finish("token-only");
    expect(fake.sessions).toHaveLength(1);
    expect(talk.getState().status).toBe("ready");
    expect(session!.authenticated).toBe(true);
    expect(session!.tokens).toEqual(tokens);
    talk.destroy();
  }, 120_000);
});
