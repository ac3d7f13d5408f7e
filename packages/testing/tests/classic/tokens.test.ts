import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFakeTalk,
  signTestToken,
  verifyTestToken,
  type FakeTalk,
  type FakeTalkOptions,
} from "../../src/index.js";
import { lastSession, loadedTalk } from "./loadedTalk.js";

const secret = "test-secret";
const appId = "test-app";
const userId = "pete";

afterEach(() => {
  vi.useRealTimers();
});

/** A loaded fake under fake timers (ready itself waits for a timer). */
async function loadedTalkWithFakeTimers(options: FakeTalkOptions): Promise<FakeTalk> {
  const talk = createFakeTalk(options);
  const ready = talk.ready;
  await vi.advanceTimersByTimeAsync(0);
  await ready;
  return talk;
}

describe("signTestToken() and verifyTestToken()", () => {
  it("accepts a token it signed and returns its exp", async () => {
    const token = await signTestToken({ secret, appId, userId, expiresInSeconds: 120 });
    const result = await verifyTestToken(token, { secret, appId, userId });
    expect(result).toEqual<Record<string, unknown>>({ ok: true, exp: expect.any(Number) });
    expect(result.ok && result.exp).toBeGreaterThan(Date.now() / 1000 + 100);
  });

  it("writes an HS256 header and the TalkJS claims", async () => {
    const token = await signTestToken({ secret, appId, userId, exp: 2_000_000_000 });
    const [header = "", payload = ""] = token.split(".");
    expect(JSON.parse(atob(header.replace(/-/g, "+").replace(/_/g, "/")))).toEqual({ alg: "HS256", typ: "JWT" });
    expect(JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")))).toMatchObject({
      tokenType: "user",
      iss: appId,
      sub: userId,
      exp: 2_000_000_000,
    });
  });

  it.each([
    ["a wrong secret", { secret: "other-secret" }, {}, /signature does not match/],
    ["a wrong sub", { userId: "sam" }, {}, /sub must be the user id/],
    ["a wrong iss", { appId: "other-app" }, {}, /iss must be the app id/],
    ["an expired exp", {}, { exp: Math.floor(Date.now() / 1000) - 1 }, /expired/],
    ["a wrong tokenType", {}, { tokenType: "app" }, /tokenType must be "user"/],
  ])("refuses a token with %s", async (_, signOverrides, claimOverrides, reason) => {
    const token = await signTestToken({ secret, appId, userId, ...signOverrides, ...claimOverrides });
    const result = await verifyTestToken(token, { secret, appId, userId });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it("refuses strings that are not JWTs and tokens with another alg", async () => {
    await expect(verifyTestToken("not-a-jwt", { secret, appId, userId })).resolves.toMatchObject({ ok: false });
    const token = await signTestToken({ secret, appId, userId });
    const [, payload, signature] = token.split(".");
    const noneHeader = btoa(JSON.stringify({ alg: "none" })).replace(/=+$/, "");
    const result = await verifyTestToken(`${noneHeader}.${payload}.${signature}`, { secret, appId, userId });
    expect(!result.ok && result.reason).toMatch(/alg must be "HS256"/);
  });

  it("checks expiry against the given nowMs", async () => {
    const token = await signTestToken({ secret, appId, userId, exp: 1_000 });
    await expect(verifyTestToken(token, { secret, appId, userId, nowMs: 999_000 })).resolves.toEqual({
      ok: true,
      exp: 1_000,
    });
    await expect(verifyTestToken(token, { secret, appId, userId, nowMs: 1_000_000 })).resolves.toMatchObject({
      ok: false,
    });
  });
});

describe("session tokens with a secret", () => {
  it("authenticates a session whose token is valid", async () => {
    const talk = await loadedTalk({ secret });
    const token = await signTestToken({ secret, appId, userId });
    const session = new talk.Session({ appId, userId, token });
    await expect(session.hasValidCredentials()).resolves.toBe(true);
    expect(lastSession(talk).authenticated).toBe(true);
    expect(lastSession(talk).tokens).toEqual([token]);
  });

  it.each([
    ["signed with another secret", { secret: "other-secret" }],
    ["for another user", { userId: "sam" }],
    ["for another app", { appId: "other-app" }],
    ["expired", { exp: Math.floor(Date.now() / 1000) - 10 }],
    ["of the wrong tokenType", { tokenType: "app" }],
  ])("refuses a session whose token is %s", async (_, overrides) => {
    const talk = await loadedTalk({ secret });
    const token = await signTestToken({ secret, appId, userId, ...overrides });
    const session = new talk.Session({ appId, userId, token });
    await expect(session.hasValidCredentials()).resolves.toBe(false);
    expect(lastSession(talk).authenticationFailure).toEqual(expect.any(String));
  });

  it("refuses a session with no token, but accepts a legacy signature", async () => {
    const talk = await loadedTalk({ secret });
    const withoutToken = new talk.Session({ appId, userId });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- this test exercises the legacy signature option on purpose
    const withSignature = new talk.Session({ appId, userId, signature: "legacy-hmac" });
    await expect(withoutToken.hasValidCredentials()).resolves.toBe(false);
    await expect(withSignature.hasValidCredentials()).resolves.toBe(true);
  });
});

describe("session tokens with verifyToken", () => {
  it("asks verifyToken instead of a secret, with the session's app and user id", async () => {
    const verifyToken = vi.fn(async (token: string) => token === "good");
    const talk = await loadedTalk({ verifyToken, secret: "ignored-when-verifyToken-is-given" });
    const accepted = new talk.Session({ appId, userId, token: "good" });
    const refused = new talk.Session({ appId, userId, token: "bad" });
    expect(await accepted.hasValidCredentials()).toBe(true);
    expect(await refused.hasValidCredentials()).toBe(false);
    expect(talk.sessions[1]?.authenticationFailure).toBe("verifyToken refused the token");
    expect(verifyToken).toHaveBeenCalledWith("good", { appId, userId });
  });

  it("treats a throwing verifyToken as a refusal and refuses sessions without a token", async () => {
    const talk = await loadedTalk({ verifyToken: () => Promise.reject(new Error("offline")) });
    const session = new talk.Session({ appId, userId, token: "anything" });
    expect(await session.hasValidCredentials()).toBe(false);
    expect(lastSession(talk).authenticationFailure).toBe("verifyToken failed: offline");
    expect(await new talk.Session({ appId, userId }).hasValidCredentials()).toBe(false);
  });

  it("schedules the refresh from the exp of an accepted JWT", async () => {
    vi.useFakeTimers();
    const talk = await loadedTalkWithFakeTimers({ verifyToken: () => true, refreshBeforeExpiryMs: 1_000 });
    const first = await signTestToken({ secret, appId, userId, expiresInSeconds: 5 });
    const tokenFetcher = vi.fn(() => signTestToken({ secret, appId, userId, expiresInSeconds: 60 }));
    new talk.Session({ appId, userId, token: first, tokenFetcher });
    await vi.advanceTimersByTimeAsync(2_900); // exp has whole seconds, so the refresh is due 3 to 4 s from now
    expect(tokenFetcher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_200);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
  });

  it("rejects a verifyToken that is not a function", () => {
    expect(() => createFakeTalk({ verifyToken: "yes" as never })).toThrow(/"verifyToken" must be a function/);
  });
});

describe("hasValidCredentials()", () => {
  it("resolves true without a secret for any app id when appIds is not set", async () => {
    const talk = await loadedTalk();
    await expect(new talk.Session({ appId: "anything", userId }).hasValidCredentials()).resolves.toBe(true);
  });

  it("resolves false for an app id that is not in appIds", async () => {
    const talk = await loadedTalk({ appIds: [appId] });
    await expect(new talk.Session({ appId: "typo-app", userId }).hasValidCredentials()).resolves.toBe(false);
    await expect(new talk.Session({ appId, userId }).hasValidCredentials()).resolves.toBe(true);
  });

  it("waits for the pending first token fetch and never rejects when it fails", async () => {
    const talk = await loadedTalk({ secret });
    let release: (token: string) => void = () => undefined;
    const session = new talk.Session({
      appId,
      userId,
      tokenFetcher: () => new Promise<string>((resolve) => (release = resolve)),
    });
    const valid = session.hasValidCredentials();
    await Promise.resolve();
    release(await signTestToken({ secret, appId, userId }));
    await expect(valid).resolves.toBe(true);

    const failing = new talk.Session({ appId, userId, tokenFetcher: () => Promise.reject(new Error("offline")) });
    await expect(failing.hasValidCredentials()).resolves.toBe(false);
    expect(lastSession(talk).authenticationFailure).toMatch(/offline/);
  });
});

describe("tokenFetcher", () => {
  it("is called asynchronously right after construction when there is no token", async () => {
    const talk = await loadedTalk({ secret });
    const tokenFetcher = vi.fn(() => signTestToken({ secret, appId, userId }));
    new talk.Session({ appId, userId, tokenFetcher });
    expect(tokenFetcher).not.toHaveBeenCalled();
    const session = lastSession(talk);
    await expect(session.hasValidCredentials()).resolves.toBe(true);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    expect(session.tokenFetchCount).toBe(1);
    expect(session.tokens).toHaveLength(1);
  });

  it("is not called at construction when a token is given", async () => {
    const talk = await loadedTalk({ secret });
    const tokenFetcher = vi.fn(() => signTestToken({ secret, appId, userId }));
    const session = new talk.Session({
      appId,
      userId,
      token: await signTestToken({ secret, appId, userId }),
      tokenFetcher,
    });
    await session.hasValidCredentials();
    expect(tokenFetcher).not.toHaveBeenCalled();
  });

  it("marks the session unauthenticated without an unhandled rejection when it rejects", async () => {
    const talk = await loadedTalk({ secret });
    const session = new talk.Session({ appId, userId, tokenFetcher: () => Promise.reject(new Error("401")) });
    await expect(session.hasValidCredentials()).resolves.toBe(false);
    expect(lastSession(talk).authenticated).toBe(false);
  });

  it("treats an empty token as a failure", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId, userId, tokenFetcher: () => "" });
    await expect(session.hasValidCredentials()).resolves.toBe(false);
    expect(lastSession(talk).authenticationFailure).toMatch(/non-empty string/);
  });

  it("is called refreshBeforeExpiryMs before the token's exp, and again for each new token", async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const talk = await loadedTalkWithFakeTimers({ secret, refreshBeforeExpiryMs: 10_000 });
    const tokenFetcher = vi.fn(() => signTestToken({ secret, appId, userId, expiresInSeconds: 60 }));
    const token = await signTestToken({ secret, appId, userId, expiresInSeconds: 60 });
    new talk.Session({ appId, userId, token, tokenFetcher });
    const session = lastSession(talk);
    await expect(session.hasValidCredentials()).resolves.toBe(true);

    await vi.advanceTimersByTimeAsync(49_999);
    expect(tokenFetcher).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    await expect(session.hasValidCredentials()).resolves.toBe(true);
    expect(session.tokens).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(50_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
    await session.hasValidCredentials();
    expect(session.tokens).toHaveLength(3);
  });

  it("is called at once for an already expired first token", async () => {
    vi.useFakeTimers({ now: 5_000_000 });
    const talk = await loadedTalkWithFakeTimers({ secret });
    const tokenFetcher = vi.fn(() => signTestToken({ secret, appId, userId }));
    const expired = await signTestToken({ secret, appId, userId, exp: 4_000 });
    new talk.Session({ appId, userId, token: expired, tokenFetcher });
    const session = lastSession(talk);
    await expect(session.hasValidCredentials()).resolves.toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    await expect(session.hasValidCredentials()).resolves.toBe(true);
  });
});

describe("refreshToken()", () => {
  it("asks the tokenFetcher now, records the token and resolves with it", async () => {
    const talk = await loadedTalk({ secret });
    const first = await signTestToken({ secret, appId, userId });
    const next = await signTestToken({ secret, appId, userId, expiresInSeconds: 7200 });
    const session = new talk.Session({ appId, userId, token: first, tokenFetcher: () => next });
    await expect(talk.refreshToken()).resolves.toBe(next);
    expect(lastSession(talk).tokens).toEqual([first, next]);
    expect(lastSession(talk).tokenFetchCount).toBe(1);
    await expect(session.hasValidCredentials()).resolves.toBe(true);
  });

  it("rejects with the fetcher's error and marks the session unauthenticated", async () => {
    const talk = await loadedTalk({ secret });
    const failure = new Error("token endpoint down");
    const session = new talk.Session({
      appId,
      userId,
      token: await signTestToken({ secret, appId, userId }),
      tokenFetcher: () => Promise.reject(failure),
    });
    await session.hasValidCredentials();
    await expect(talk.refreshToken()).rejects.toBe(failure);
    await expect(session.hasValidCredentials()).resolves.toBe(false);
  });

  it("records an invalid token and marks the session unauthenticated", async () => {
    const talk = await loadedTalk({ secret });
    const wrong = await signTestToken({ secret: "other", appId, userId });
    const session = new talk.Session({
      appId,
      userId,
      token: await signTestToken({ secret, appId, userId }),
      tokenFetcher: () => wrong,
    });
    await expect(talk.refreshToken()).resolves.toBe(wrong);
    await expect(session.hasValidCredentials()).resolves.toBe(false);
  });

  it("rejects for a session without a tokenFetcher", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId, userId });
    await expect(talk.refreshToken()).rejects.toThrow(/no tokenFetcher/);
  });
});
