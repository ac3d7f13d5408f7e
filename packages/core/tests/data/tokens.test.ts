import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DebugEntry } from "../../src/classic/types";
import type { SessionError } from "../../src/machine/SessionError";
import { appId, settle, setupData } from "./helpers";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("data session tokens", () => {
  it("answers onNeedToken with setToken from the token source, fetched once for the first request", async () => {
    const tokenFetcher = vi.fn(() => "token-1");
    const { core, talk } = setupData({ tokenFetcher });
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("ready");
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    expect(core.sessions[0]!.tokens).toEqual(["token-1"]);
  });

  it("paces tokens TalkJS refuses with the backoff and ends in invalid-token after retry.attempts, never a tight loop", async () => {
    let call = 0;
    const { core, talk } = setupData(
      { tokenFetcher: () => `token-${++call}`, retry: { attempts: 3, minDelayMs: 1000, maxDelayMs: 4000 } },
      { verifyToken: () => false },
    );
    const errors: SessionError[] = [];
    talk.on("error", (error) => errors.push(error));
    talk.connect();
    await settle(60_000);
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("invalid-token");
    expect(core.setTokenCalls()).toBeLessThanOrEqual(3);
    expect(errors.map((error) => error.code)).toEqual(["invalid-token"]);
  });

  it("recovers from one refused token with a fresh one after a pause", async () => {
    let call = 0;
    const { core, talk } = setupData({ tokenFetcher: () => `token-${++call}`, retry: { minDelayMs: 500 } });
    core.refuseNextToken();
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("loading");
    await settle(1000);
    expect(talk.getState().status).toBe("ready");
    expect(core.sessions[0]!.tokens).toEqual(["token-1", "token-2"]);
  });

  it("hands a new token to TalkJS when it next asks, without recreating", async () => {
    const { core, talk } = setupData({ token: "first", tokenFetcher: undefined });
    talk.connect();
    await settle();
    talk.setOptions({ appId, userId: "pete", core, token: "second" });
    core.expireToken();
    await settle();
    expect(core.sessions).toHaveLength(1);
    expect(core.sessions[0]!.tokens).toEqual(["first", "second"]);
    expect(talk.getState().status).toBe("ready");
  });

  it("never puts a token in the state, the trace or an error", async () => {
    const secret = "tok-SECRET-123";
    const trace: DebugEntry[] = [];
    const { talk } = setupData(
      { tokenFetcher: () => secret, retry: { attempts: 2, minDelayMs: 10 }, debug: (entry) => trace.push(entry) },
      { verifyToken: () => false },
    );
    talk.connect();
    await settle(1000);
    expect(talk.getState().status).toBe("error");
    const seen = JSON.stringify([trace, talk.getState(), talk.getState().error?.message]);
    expect(seen).not.toContain("SECRET");
  });
});
