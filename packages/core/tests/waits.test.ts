import { signTestToken } from "@x/session-testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appId, settle, settleUntil, setup, useFakeTime } from "./helpers";

const secret = "test-secret";

/** Counts the abort listeners added to and removed from every AbortSignal while a test runs. */
function countAbortListeners() {
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

beforeEach(() => useFakeTime());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("waits on a live session leave nothing behind", () => {
  it("a paced fetcher (the same token again) adds no abort listener or timer per refresh", async () => {
    const listeners = countAbortListeners();
    const { fake, talk } = setup({ tokenFetcher: () => "cached", retry: { minDelayMs: 10, maxDelayMs: 40 } });
    talk.connect();
    await settle();
    const [startListeners, startTimers] = [listeners(), vi.getTimerCount()];
    for (let refresh = 0; refresh < 50; refresh++) {
      void fake.refreshToken();
      await settle(40);
    }
    expect(talk.getState().status).toBe("ready");
    expect(listeners()).toBe(startListeners);
    expect(vi.getTimerCount()).toBe(startTimers);
  });

  it("a fetcher that fails once per refresh (retried) adds no abort listener or timer per refresh", async () => {
    const listeners = countAbortListeners();
    let call = 0;
    const tokenFetcher = () => {
      if (++call % 2 === 0) throw new Error("flaky endpoint");
      return `token-${call}`;
    };
    const { fake, talk } = setup({ tokenFetcher, retry: { attempts: 3, minDelayMs: 10, maxDelayMs: 40 } });
    talk.connect();
    await settle();
    const [startListeners, startTimers] = [listeners(), vi.getTimerCount()];
    for (let refresh = 0; refresh < 50; refresh++) {
      void fake.refreshToken();
      await settle(40);
    }
    expect(talk.getState().status).toBe("ready");
    expect(call).toBeGreaterThan(100);
    expect(listeners()).toBe(startListeners);
    expect(vi.getTimerCount()).toBe(startTimers);
  });

  it("a token-only refresh that gets its new token clears its expiry timer and its abort listener", async () => {
    const listeners = countAbortListeners();
    const tokenFor = (hours: number) =>
      signTestToken({ secret, appId, userId: "pete", exp: Math.floor(Date.now() / 1000) + hours * 3600 });
    let options = { token: await tokenFor(1) };
    const { fake, talk } = setup(options, { secret });
    talk.connect();
    await settle();
    // The fake checks the JWT with WebCrypto (real I/O) before it plans its refresh: wait for that timer.
    await settleUntil(() => vi.getTimerCount() > 0);
    const [startListeners, startTimers] = [listeners(), vi.getTimerCount()];
    for (let refresh = 0; refresh < 30; refresh++) {
      const answered = fake.refreshToken();
      await settle(0);
      options = { token: await tokenFor(2 + refresh) };
      talk.setOptions({ appId, userId: "pete", talk: fake, ...options });
      await answered;
      await settle(0);
    }
    expect(talk.getState().status).toBe("ready");
    expect(listeners()).toBe(startListeners);
    expect(vi.getTimerCount()).toBe(startTimers);
  });
});
