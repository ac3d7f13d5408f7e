import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFakeCore, signTestToken } from "../../src/index.js";
import { appId, seededCore, sessionWithTokens, settle } from "./harness.js";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("getTalkSession: TalkJS's registry", () => {
  it("returns the same session for the same app and user, another one for another user", () => {
    const core = createFakeCore();
    const pete = core.getTalkSession({ appId, userId: "pete" });
    expect(core.getTalkSession({ appId, userId: "pete" })).toBe(pete);
    expect(core.getTalkSession({ appId, userId: "sam" })).not.toBe(pete);
    expect(core.getTalkSession({ appId: "other-app", userId: "pete" })).not.toBe(pete);
    expect(core.sessions).toHaveLength(3);
  });

  it("gives a new session with forceCreateNew and registers it in place of the old one", () => {
    const core = createFakeCore();
    const first = core.getTalkSession({ appId, userId: "pete" });
    const second = core.getTalkSession({ appId, userId: "pete", forceCreateNew: true });
    expect(second).not.toBe(first);
    expect(core.getTalkSession({ appId, userId: "pete" })).toBe(second);
    expect(first.isAlive).toBe(true);
    expect(core.liveSessions()).toEqual([first, second]);
    expect(core.peakLiveSessions()).toBe(2);
  });

  it("keeps a terminated session registered: getTalkSession returns the dead one until forceCreateNew", () => {
    const core = createFakeCore();
    const session = core.getTalkSession({ appId, userId: "pete" });
    session.terminate();
    expect(session.isAlive).toBe(false);
    expect(core.getTalkSession({ appId, userId: "pete" })).toBe(session);
    core.terminate(core.getTalkSession({ appId, userId: "pete", forceCreateNew: true }));
    expect(core.getTalkSession({ appId, userId: "pete" }).isAlive).toBe(false);
    expect(core.liveSessions()).toEqual([]);
  });

  it("replaces a session the server ended with an error when replaceErroredSessions is set", () => {
    const core = createFakeCore({ replaceErroredSessions: true });
    const session = core.getTalkSession({ appId, userId: "pete" });
    session.terminate();
    expect(core.getTalkSession({ appId, userId: "pete" })).toBe(session);
    const errored = core.getTalkSession({ appId, userId: "pete", forceCreateNew: true });
    core.terminate(errored);
    const fresh = core.getTalkSession({ appId, userId: "pete" });
    expect(fresh).not.toBe(errored);
    expect(fresh.isAlive).toBe(true);
  });

  it("refuses an empty app or user id as TalkJS does", () => {
    const core = createFakeCore();
    expect(() => core.getTalkSession({ appId: "", userId: "pete" })).toThrow(/appId/);
    expect(() => core.getTalkSession({ appId, userId: "" })).toThrow(/userId/);
  });

  it("throws a TypeError naming an unknown or wrong option", () => {
    expect(() => createFakeCore({ latency: 5 } as never)).toThrow(/unknown option "latency"/);
    expect(() => createFakeCore({ latencyMs: "slow" } as never)).toThrow(/"latencyMs" must be a number/);
    expect(() => createFakeCore({ secret: "" })).toThrow(/"secret"/);
  });

  it("records registerPolyfills and needs no WebSocket", () => {
    const core = createFakeCore();
    const WebSocket = { name: "WebSocket polyfill" };
    core.registerPolyfills({ WebSocket });
    expect(core.polyfills).toEqual([{ WebSocket }]);
  });
});

describe("lazy authentication through onNeedToken", () => {
  it("asks for nothing until the first request, then calls onNeedToken once", async () => {
    const core = seededCore();
    const session = core.getTalkSession({ appId, userId: "pete" });
    const onNeedToken = vi.fn();
    session.onNeedToken = onNeedToken;
    await settle(1000);
    expect(onNeedToken).not.toHaveBeenCalled();
    expect(session.phase).toBe("idle");

    session.conversation("c1").subscribe();
    session.user("sam").subscribe();
    expect(onNeedToken).not.toHaveBeenCalled(); // never inside the call that made the request
    await settle();
    expect(onNeedToken).toHaveBeenCalledTimes(1);
    expect(core.needTokenCalls()).toBe(1);
  });

  it("connects nothing until a token is set", async () => {
    const core = seededCore();
    const session = core.getTalkSession({ appId, userId: "pete" });
    session.onNeedToken = () => undefined;
    const subscription = session.conversation("c1").subscribe();
    await settle(60_000);
    expect(subscription.state.type).toBe("pending");
    expect(session.phase).toBe("auth");

    session.setToken("token");
    await settle();
    expect(subscription.state).toMatchObject({ type: "active", latestSnapshot: { id: "c1" } });
    expect(core.setTokenCalls()).toBe(1);
  });

  it("keeps a token set before the first request and uses it without asking", async () => {
    const core = seededCore();
    const session = core.getTalkSession({ appId, userId: "pete" });
    const onNeedToken = vi.fn();
    session.onNeedToken = onNeedToken;
    session.setToken("token");
    expect(session.phase).toBe("idle");
    const subscription = session.conversation("c1").subscribe();
    await settle();
    expect(subscription.state.type).toBe("active");
    expect(onNeedToken).not.toHaveBeenCalled();
  });

  it("checks JWTs against the secret and accepts a valid one", async () => {
    vi.useRealTimers();
    const secret = "test-secret";
    const core = seededCore({ secret });
    const session = core.getTalkSession({ appId, userId: "pete" });
    const token = await signTestToken({ secret, appId, userId: "pete" });
    session.onNeedToken = () => session.setToken(token);
    const subscription = session.conversation("c1").subscribe();
    await expect(subscription.connected).resolves.toMatchObject({ type: "active" });
    expect(session.tokens).toEqual([token]);
  });

  it("asks again at once when a token is refused, with no backoff (a tight loop if the app always answers)", async () => {
    const core = seededCore({ secret: "test-secret" });
    const session = core.getTalkSession({ appId, userId: "pete" });
    let calls = 0;
    session.onNeedToken = () => {
      calls += 1;
      if (calls < 5) session.setToken("not-a-jwt");
    };
    session.conversation("c1").subscribe();
    // Refusals need no timer: only microtasks and the token check separate the requests.
    for (let round = 0; round < 20; round += 1) await Promise.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(5);
    expect(session.tokens).toHaveLength(4);
    expect(session.isAlive).toBe(true);
  });

  it("refuses the next token with refuseNextToken(), whatever it is", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    core.refuseNextToken();
    const subscription = session.conversation("c1").subscribe();
    await settle();
    expect(session.needTokenCalls).toBe(2);
    expect(session.tokens).toEqual(["token", "token"]);
    expect(subscription.state.type).toBe("active");
  });

  it("ends the session with onError when a token is refused and nobody can give another", async () => {
    const core = seededCore({ secret: "test-secret" });
    const session = core.getTalkSession({ appId, userId: "pete" });
    const onError = vi.fn();
    session.onError(onError);
    session.setToken("not-a-jwt");
    session.conversation("c1").subscribe();
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(Error);
    expect(session.isAlive).toBe(false);
  });

  it("ends the session when the legacy tokenFetcher fails the first time", async () => {
    const core = seededCore();
    const tokenFetcher = vi.fn(() => Promise.reject(new Error("offline")));
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the legacy option is the case under test
    const session = core.getTalkSession({ appId, userId: "pete", tokenFetcher });
    const onError = vi.fn();
    session.onError(onError);
    session.conversation("c1").subscribe();
    await settle();
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    expect(String(onError.mock.calls[0]?.[0])).toMatch(/offline/);
    expect(session.isAlive).toBe(false);
  });

  it("connects without a token when the fake checks no tokens", async () => {
    const core = seededCore();
    const session = core.getTalkSession({ appId, userId: "pete" });
    const subscription = session.conversation("c1").subscribe();
    await settle();
    expect(subscription.state.type).toBe("active");
  });

  it("reports an unknown app id through onError", async () => {
    const core = seededCore({ appIds: ["other-app"] });
    const session = sessionWithTokens(core);
    const onError = vi.fn();
    session.onError(onError);
    session.conversation("c1").subscribe();
    await settle();
    expect(String(onError.mock.calls[0]?.[0])).toMatch(/app id/);
    expect(session.needTokenCalls).toBe(0);
  });

  it("asks onNeedToken when the server expires the token, and delivers nothing until a new one is set", async () => {
    const core = seededCore();
    const session = core.getTalkSession({ appId, userId: "pete" });
    const onNeedToken = vi.fn();
    session.onNeedToken = onNeedToken;
    session.setToken("token");
    const seen: unknown[] = [];
    session.conversation("c1").subscribeMessages((messages) => seen.push(messages));
    await settle();
    expect(seen).toHaveLength(1);

    core.expireToken();
    await settle();
    expect(onNeedToken).toHaveBeenCalledTimes(1);
    core.publishMessage("c1", { senderId: "sam", text: "while unauthenticated" });
    await settle();
    expect(seen).toHaveLength(1);

    session.setToken("token-2");
    await settle();
    expect(seen).toHaveLength(2);
  });

  it("calls onNeedToken before a JWT's exp, and terminates at exp without onNeedToken", async () => {
    vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
    const exp = Math.floor(Date.now() / 1000) + 60;
    const payload = btoa(JSON.stringify({ exp })).replace(/=+$/, "");
    const token = `e30.${payload}.sig`;
    const core = seededCore({ refreshBeforeExpiryMs: 10_000 });

    const refreshing = core.getTalkSession({ appId, userId: "pete" });
    const onNeedToken = vi.fn();
    refreshing.onNeedToken = onNeedToken;
    refreshing.setToken(token);
    refreshing.conversation("c1").subscribe();
    const silent = core.getTalkSession({ appId, userId: "sam" });
    const onError = vi.fn();
    silent.onError(onError);
    silent.setToken(token);
    silent.conversation("c1").subscribe();

    await settle(49_000);
    expect(onNeedToken).not.toHaveBeenCalled();
    await settle(1_000);
    expect(onNeedToken).toHaveBeenCalledTimes(1);
    await settle(9_000);
    expect(silent.isAlive).toBe(true);
    await settle(1_000);
    expect(silent.isAlive).toBe(false);
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
