import { createFakeTalk, signTestToken } from "@x/session-testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import type { SessionError } from "../src/machine/SessionError";
import type { DebugEntry } from "../src/classic/types";
import { appId, settle, settleUntil, setup, useFakeTime } from "./helpers";

const secret = "test-secret";
const tokenFor = (userId: string, expiresInSeconds = 3600) =>
  signTestToken({ secret, appId, userId, expiresInSeconds });

beforeEach(() => useFakeTime());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("tokens", () => {
  it("fetches the first token while the SDK loads and hands it to TalkJS as token", async () => {
    const token = await tokenFor("pete");
    const tokenFetcher = vi.fn(() => token);
    const { fake, talk } = setup({ tokenFetcher }, { secret, readyDelayMs: 300 });
    talk.connect();
    await settle(0);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    expect(talk.getState().status).toBe("loading");
    await settle(300);
    expect(talk.getState().status).toBe("ready");
    expect(fake.sessions[0]!.options.token).toBe(token);
    expect(fake.sessions[0]!.tokenFetchCount).toBe(0);
    await expect(fake.sessions[0]!.hasValidCredentials()).resolves.toBe(true);
  });

  it("shares one call between concurrent token requests", async () => {
    const tokens = [await tokenFor("pete"), await tokenFor("pete", 7200)];
    const tokenFetcher = vi.fn(() => new Promise<string>((resolve) => setTimeout(() => resolve(tokens.shift()!), 100)));
    const { fake, talk } = setup({ tokenFetcher }, { secret });
    talk.connect();
    await settle(100);
    expect(talk.getState().status).toBe("ready");
    const both = Promise.all([fake.refreshToken(), fake.refreshToken()]);
    await settle(100);
    const [first, second] = await both;
    expect(first).toBe(second);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
  });

  it("retries a failing tokenFetcher with backoff and succeeds", async () => {
    const token = await tokenFor("pete");
    const tokenFetcher = vi
      .fn()
      .mockRejectedValueOnce(new Error("502"))
      .mockRejectedValueOnce(new Error("503"))
      .mockResolvedValue(token);
    const { talk } = setup({ tokenFetcher, retry: { attempts: 3, minDelayMs: 1000, maxDelayMs: 4000 } }, { secret });
    talk.connect();
    await settle(0);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    await settle(499);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    await settle(501);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    await settle(2000);
    expect(tokenFetcher).toHaveBeenCalledTimes(3);
    expect(talk.getState().status).toBe("ready");
  });

  it("becomes error token-fetch-failed after the last attempt, without an unhandled rejection, and retry() recovers", async () => {
    const token = await tokenFor("pete");
    const tokenFetcher = vi.fn().mockRejectedValue(new Error("backend down"));
    const { fake, talk } = setup({ tokenFetcher, retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 10 } }, { secret });
    const errors: SessionError[] = [];
    talk.on("error", (error) => errors.push(error));
    talk.connect();
    await settle(100);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("token-fetch-failed");
    expect((talk.getState().error?.cause as Error).message).toBe("backend down");
    expect(errors).toHaveLength(1);
    expect(fake.sessions).toHaveLength(0);
    tokenFetcher.mockResolvedValue(token);
    talk.retry();
    await settle();
    expect(talk.getState().status).toBe("ready");
  });

  it("stops the token retries of an attempt abandoned by a user switch", async () => {
    const retry = { attempts: 5, minDelayMs: 1000, maxDelayMs: 1000 };
    const failing = vi.fn().mockRejectedValue(new Error("502"));
    const { fake, talk } = setup({ tokenFetcher: failing, retry }, { readyDelayMs: 10_000 });
    talk.connect();
    await settle();
    expect(failing).toHaveBeenCalledTimes(1);
    const next = vi.fn(() => "opaque-alice");
    talk.setOptions({ appId, userId: "alice", talk: fake, tokenFetcher: next, retry });
    await settle(20_000);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(next).toHaveBeenCalledTimes(1);
    expect(talk.getState().status).toBe("ready");
  });

  it("calls the tokenFetcher once with retry: false", async () => {
    const tokenFetcher = vi.fn().mockRejectedValue(new Error("no"));
    const { talk } = setup({ tokenFetcher, retry: false });
    talk.connect();
    await settle(60_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    expect(talk.getState().error?.code).toBe("token-fetch-failed");
  });

  it("reports a result that is not a non-empty string as invalid-token", async () => {
    for (const result of ["", undefined, 42, { token: "x" }]) {
      const { talk } = setup({ tokenFetcher: () => result as string });
      talk.connect();
      await settle();
      expect(talk.getState().error?.code).toBe("invalid-token");
    }
  });

  it("always calls the latest tokenFetcher", async () => {
    const token = await tokenFor("pete");
    const next = await tokenFor("pete", 7200);
    const first = vi.fn(() => token);
    const latest = vi.fn(() => next);
    const { fake, talk } = setup({ tokenFetcher: first }, { secret });
    talk.connect();
    await settle();
    talk.setOptions({ appId, userId: "pete", talk: fake, tokenFetcher: latest });
    await fake.refreshToken();
    expect(first).toHaveBeenCalledTimes(1);
    expect(latest).toHaveBeenCalledTimes(1);
    expect(fake.sessions).toHaveLength(1);
  });

  it("rotates tokens when TalkJS asks before expiry, keeping the same session", async () => {
    // Signed up front with fixed expiries, and a fake without a secret: nothing waits on crypto, so timing is exact.
    const nowSeconds = Math.floor(Date.now() / 1000);
    const rotation = await Promise.all(
      [60, 110, 160].map((seconds) => signTestToken({ secret, appId, userId: "pete", exp: nowSeconds + seconds })),
    );
    const tokenFetcher = vi.fn(() => rotation[tokenFetcher.mock.calls.length - 1]!);
    const { fake, talk } = setup({ tokenFetcher }, { refreshBeforeExpiryMs: 10_000 });
    talk.connect();
    await settle();
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    await settle(50_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    await settle(50_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(3);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]!.tokens).toEqual(rotation);
    expect(fake.sessions[0]!.authenticated).toBe(true);
    expect(talk.getState().status).toBe("ready");
  });

  it("never hands TalkJS a JWT whose exp has passed: it fetches a new one", async () => {
    const expired = await signTestToken({ secret, appId, userId: "pete", exp: Math.floor(Date.now() / 1000) - 10 });
    const fresh = await tokenFor("pete");
    const tokenFetcher = vi.fn().mockResolvedValueOnce(expired).mockResolvedValue(fresh);
    const { fake, talk } = setup(
      { token: expired, tokenFetcher, retry: { attempts: 3, minDelayMs: 1, maxDelayMs: 1 } },
      { secret },
    );
    talk.connect();
    await settle(10);
    expect(fake.sessions[0]!.tokens).toEqual([fresh]);
    expect(talk.getState().status).toBe("ready");
  });

  it("passes the same opaque token through again, after a pause, instead of failing", async () => {
    const tokenFetcher = vi.fn(() => "opaque-cached-token");
    const { fake, talk } = setup({ tokenFetcher, retry: { attempts: 3, minDelayMs: 100, maxDelayMs: 400 } });
    talk.connect();
    await settle();
    let answer: string | undefined;
    void fake.refreshToken().then((token) => (answer = token));
    await settle(0);
    expect(answer).toBeUndefined();
    await settle(100);
    expect(answer).toBe("opaque-cached-token");
    expect(talk.getState().status).toBe("ready");
    expect(fake.sessions).toHaveLength(1);
  });

  it("waits longer between identical answers, up to maxDelayMs, and stops pacing once a new token comes", async () => {
    let answer = "same";
    const tokenFetcher = vi.fn(() => answer);
    const { fake, talk } = setup({ tokenFetcher, retry: { minDelayMs: 100, maxDelayMs: 400 } });
    vi.spyOn(Math, "random").mockReturnValue(1); // the longest delay of each step, so the steps are exact
    talk.connect();
    await settle();
    const waited: number[] = [];
    for (let round = 0; round < 5; round++) {
      if (round === 4) answer = "new";
      const started = Date.now();
      let answered = false as boolean;
      void fake.refreshToken().then(() => (answered = true));
      await settle(0);
      while (!answered) await settle(10);
      waited.push(Date.now() - started);
    }
    expect(waited).toEqual([100, 200, 400, 400, 0]);
    expect(talk.getState().status).toBe("ready");
  });

  it("hands TalkJS a JWT that looks expired by a wrong device clock, says so in the trace, and lets TalkJS decide", async () => {
    // The device clock is two hours fast: by it, a token the server just signed for one hour has expired.
    const token = await signTestToken({ secret, appId, userId: "pete", exp: Math.floor(Date.now() / 1000) - 3600 });
    const trace: string[] = [];
    const { fake, talk } = setup(
      { token, debug: (entry) => trace.push(entry.message) },
      { secret, verifyToken: () => true },
    );
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("ready");
    expect(fake.sessions[0]!.options.token).toBe(token);
    expect(trace.join("\n")).toMatch(/clock skew/);
  });

  it("fetches again when the fetched JWT looks expired, then hands over the last one if nothing fresher comes", async () => {
    const stale = await signTestToken({ secret, appId, userId: "pete", exp: Math.floor(Date.now() / 1000) - 3600 });
    const tokenFetcher = vi.fn(() => stale);
    const { fake, talk } = setup(
      { tokenFetcher, retry: { attempts: 3, minDelayMs: 10, maxDelayMs: 10 } },
      { secret, verifyToken: () => true },
    );
    vi.spyOn(Math, "random").mockReturnValue(1);
    talk.connect();
    await settle(15);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    expect(fake.sessions).toHaveLength(0);
    await settle(10);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]!.options.token).toBe(stale);
    expect(talk.getState().status).toBe("ready");
  });

  it("reports a JWT that TalkJS refuses as expired through session-create-failed, not the device clock", async () => {
    const expired = await signTestToken({ secret, appId, userId: "pete", exp: Math.floor(Date.now() / 1000) - 10 });
    const { fake, talk } = setup({ token: expired }, { secret });
    talk.connect();
    await settleUntil(() => talk.getState().status === "error");
    expect(talk.getState().error?.code).toBe("session-create-failed");
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(0);
  });

  it("passes opaque, non-JWT tokens through untouched", async () => {
    const { fake, talk } = setup({ token: "opaque.token" });
    talk.connect();
    await settle();
    expect(fake.sessions[0]!.options.token).toBe("opaque.token");
  });

  it("gives TalkJS a newer token option at its next refresh, without a new session", async () => {
    const first = await tokenFor("pete", 60);
    const second = await tokenFor("pete", 3600);
    const { fake, talk } = setup({ token: first }, { secret });
    talk.connect();
    await settle();
    talk.setOptions({ appId, userId: "pete", talk: fake, token: second });
    await expect(fake.refreshToken()).resolves.toBe(second);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]!.tokens).toEqual([first, second]);
  });

  it("waits for a new token option when TalkJS asks and only the old token exists", async () => {
    const first = await tokenFor("pete", 60);
    const second = await tokenFor("pete", 3600);
    const { fake, talk } = setup({ token: first }, { secret });
    talk.connect();
    await settle();
    const refreshed = fake.refreshToken();
    await settle(1000);
    talk.setOptions({ appId, userId: "pete", talk: fake, token: second });
    await expect(refreshed).resolves.toBe(second);
  });

  it("fails with invalid-token when the only token expires before a new one arrives", async () => {
    const first = await tokenFor("pete", 60);
    const { fake, talk } = setup({ token: first }, { secret });
    talk.connect();
    await settle();
    const refreshed = fake.refreshToken().catch((error: unknown) => error);
    await settle(61_000);
    expect(await refreshed).toBeInstanceOf(Error);
    expect(talk.getState().error?.code).toBe("invalid-token");
    expect(fake.liveSessions()).toHaveLength(0);
  });

  it("turns a failed refresh into an error state with the session destroyed", async () => {
    const token = await tokenFor("pete");
    const tokenFetcher = vi.fn().mockResolvedValueOnce(token).mockRejectedValue(new Error("logged out"));
    const { fake, talk } = setup({ tokenFetcher, retry: { attempts: 2, minDelayMs: 5, maxDelayMs: 5 } }, { secret });
    talk.connect();
    await settle();
    const refreshed = fake.refreshToken().catch(() => "rejected");
    await settle(20);
    expect(await refreshed).toBe("rejected");
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("token-fetch-failed");
    expect(fake.liveSessions()).toHaveLength(0);
  });

  it("turns a session TalkJS refuses (bad token) into an error state", async () => {
    const wrong = await signTestToken({ secret: "another-secret", appId, userId: "pete" });
    const { fake, talk } = setup({ token: wrong }, { secret });
    talk.connect();
    await settleUntil(() => talk.getState().status === "error");
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("session-create-failed");
    expect(fake.liveSessions()).toHaveLength(0);
  });

  it("never puts a token in the state, the trace or an error message", async () => {
    const handedOut = [await tokenFor("pete", 60), await tokenFor("pete", 3600)];
    const tokens = [...handedOut];
    const entries: DebugEntry[] = [];
    // No secret: the fake checks nothing with crypto, so the refresh at 50 s happens exactly when expected.
    const fake = createFakeTalk({ refreshBeforeExpiryMs: 10_000 });
    const talk = createTalkSession({
      appId,
      userId: "pete",
      talk: fake,
      tokenFetcher: () => tokens.shift() ?? "never-used",
      debug: (entry) => entries.push(entry),
    });
    talk.connect();
    await settle(55_000);
    talk.setOptions({
      appId,
      userId: "pete",
      talk: fake,
      tokenFetcher: () => Promise.reject(new Error("down")),
      retry: false,
      debug: (entry) => entries.push(entry),
    });
    await fake.refreshToken().catch(() => {});
    await settle();
    expect(entries.map((entry) => entry.message)).toContain("token refreshed");
    expect(entries.at(-1)?.error?.code).toBe("token-fetch-failed");
    const everything = JSON.stringify({ entries, state: talk.getState(), message: talk.getState().error?.message });
    for (const token of handedOut) {
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(token.split(".")[2]);
    }
  });
});
