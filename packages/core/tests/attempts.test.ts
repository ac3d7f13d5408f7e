import { createFakeTalk, signTestToken } from "@x/session-testing";
import type Talk from "talkjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import { validateSessionOptions } from "../src/classic/validateOptions";
import type { SessionOptions, SessionState } from "../src/classic/types";
import { appId, settle, settleUntil, setup, useFakeTime } from "./helpers";

// Issue 11: an attempt that is no longer current can do nothing. One test per case users hit.
const secret = "test-secret";
const day = 24 * 60 * 60 * 1000;

beforeEach(() => useFakeTime());
afterEach(() => vi.useRealTimers());

describe("whenReady()", () => {
  it("waits for the new user's session when a subscriber switches the user as the state turns ready", async () => {
    const fake = createFakeTalk();
    const options = (id: string): SessionOptions => ({
      appId,
      talk: fake,
      syncUser: () => new fake.User({ id, name: id }),
    });
    const talk = createTalkSession(options("alice"));
    talk.subscribe((state) => {
      if (state.session?.me.id === "alice") talk.setOptions(options("bob"));
    });
    talk.connect();
    const ready = talk.whenReady();
    await settle();
    const session = await ready;
    expect(session.isAlive).toBe(true);
    expect(session.me.id).toBe("bob");
  });

  it("rejects when a subscriber destroys the controller as the state turns ready", async () => {
    const { talk } = setup();
    talk.subscribe((state) => state.status === "ready" && talk.destroy());
    talk.connect();
    const ready = talk.whenReady().catch((error: unknown) => error);
    await settle();
    expect(String(await ready)).toMatch(/destroyed/);
  });
});

describe("destroy() and the last release, from anywhere", () => {
  it("stop everything of an attempt when called from a subscriber while loading", async () => {
    const fake = createFakeTalk();
    const load = vi.fn(() => Promise.resolve(fake));
    const tokenFetcher = vi.fn(() => "token");
    const talk = createTalkSession({ appId, userId: "pete", talk: load, tokenFetcher });
    talk.subscribe((state) => state.status === "loading" && talk.destroy());
    talk.connect();
    await settle(60_000);
    expect(tokenFetcher).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    expect(fake.sessions).toHaveLength(0);
    expect(talk.getState().status).toBe("destroyed");
  });

  it("stop the token retries and build nothing when the last release comes from a subscriber while loading", async () => {
    const fake = createFakeTalk({ readyDelayMs: 100 });
    const tokenFetcher = vi.fn(() => Promise.reject(new Error("503")));
    const talk = createTalkSession({ appId, userId: "pete", talk: fake, tokenFetcher, retry: { minDelayMs: 1000 } });
    const release = talk.connect();
    // The new user's attempt starts loading; a subscriber releases the last connection right then.
    talk.subscribe((state) => state.status === "loading" && release());
    talk.setOptions({ appId, userId: "sam", talk: fake, tokenFetcher, retry: { minDelayMs: 1000 } });
    await settle(60_000);
    expect(tokenFetcher).toHaveBeenCalledTimes(2); // one for each user, no retries
    expect(fake.sessions).toHaveLength(0);
    expect(talk.getState().status).toBe("idle");
  });

  it("aborts the signal handed to tokenFetcher, so the app's fetch is cancelled", async () => {
    const signals: AbortSignal[] = [];
    const tokenFetcher = vi.fn(({ signal }: { signal: AbortSignal }) => {
      signals.push(signal);
      return new Promise<string>(() => {});
    });
    const { talk } = setup({ tokenFetcher });
    talk.connect();
    await settle();
    expect(signals.map((signal) => signal.aborted)).toEqual([false]);
    talk.destroy();
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
  });

  it("load no SDK when a synchronous tokenFetcher destroys the controller", async () => {
    const fake = createFakeTalk();
    const load = vi.fn(() => Promise.resolve(fake));
    const tokenFetcher = () => {
      talk.destroy();
      return "token";
    };
    const talk = createTalkSession({ appId, userId: "pete", talk: load, tokenFetcher });
    talk.connect();
    await settle(1000);
    expect(load).not.toHaveBeenCalled();
    expect(fake.sessions).toHaveLength(0);
    expect(talk.getState().status).toBe("destroyed");
  });

  it("build nothing when syncUser destroys the controller, while loading or while comparing users", async () => {
    const fake = createFakeTalk();
    let destroyIn: "build" | "compare" | undefined = "build";
    let talk: ReturnType<typeof createTalkSession> | undefined;
    const syncUser = (id: string) => () => {
      if (destroyIn === "build" || (destroyIn === "compare" && talk?.getState().status === "ready")) talk?.destroy();
      return new fake.User({ id, name: id });
    };
    talk = createTalkSession({ appId, talk: fake, syncUser: syncUser("alice") });
    talk.connect();
    await settle();
    expect([talk.getState().status, fake.sessions.length]).toEqual(["destroyed", 0]);

    destroyIn = undefined;
    talk = createTalkSession({ appId, talk: fake, syncUser: syncUser("alice") });
    talk.connect();
    await settle();
    expect(fake.liveSessions()).toHaveLength(1);
    destroyIn = "compare";
    talk.setOptions({ appId, talk: fake, syncUser: syncUser("bob") });
    await settle();
    expect(talk.getState().status).toBe("destroyed");
    expect(fake.liveSessions()).toHaveLength(0);
    expect(fake.sessions).toHaveLength(1);
  });

  it("skip the handlers after it in the same dispatch when called from an event handler", async () => {
    const { fake, talk } = setup();
    const calls: string[] = [];
    talk.on("message", () => calls.push("first"));
    talk.on("message", () => {
      calls.push("destroys");
      talk.destroy();
    });
    talk.on("message", () => calls.push("after"));
    talk.connect();
    await settle();
    fake.emitMessage();
    expect(calls).toEqual(["first", "destroys"]);
  });

  it("leave nothing to subscribe to afterwards", async () => {
    const { talk } = setup();
    talk.destroy();
    const listener = vi.fn();
    talk.subscribe(listener);
    talk.connect();
    talk.retry();
    await settle();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe("a user switch", () => {
  it("builds the new user's session with a token fetched for the new user when syncUser changes while the SDK loads", async () => {
    const fake = createFakeTalk({ secret, readyDelayMs: 300 });
    let user = "alice";
    const tokenFetcher = vi.fn(() => signTestToken({ secret, appId, userId: user }));
    const options = (): SessionOptions => ({
      appId,
      talk: fake,
      tokenFetcher,
      syncUser: () => new fake.User({ id: user, name: user }),
    });
    const talk = createTalkSession(options());
    talk.connect();
    await settle(100);
    user = "bob";
    talk.setOptions(options());
    await settle(300);
    await settleUntil(() => talk.getState().status === "ready");
    expect(fake.sessions.map((session) => session.me.id)).toEqual(["bob"]);
    const session = fake.sessions[0]!;
    await expect(session.hasValidCredentials()).resolves.toBe(true);
    expect(talk.getState().status).toBe("ready");
  });

  it("fetches again for the new user when an opaque token was fetched for the user the app switched away from", async () => {
    const fake = createFakeTalk({ readyDelayMs: 300 });
    const tokenFetcher = vi.fn();
    const options = (user: string): SessionOptions => ({
      appId,
      talk: fake,
      tokenFetcher: () => (tokenFetcher(user), `opaque-token-of-${user}`),
      syncUser: () => new fake.User({ id: user, name: user }),
    });
    const talk = createTalkSession(options("alice"));
    talk.connect();
    await settle(100);
    talk.setOptions(options("bob"));
    await settle(300);
    expect(tokenFetcher.mock.calls).toEqual([["alice"], ["bob"]]);
    expect(fake.sessions.map((session) => [session.me.id, session.options.token])).toEqual([
      ["bob", "opaque-token-of-bob"],
    ]);
  });

  it("starts the new user's session when syncUser changes while in error", async () => {
    const fake = createFakeTalk();
    const syncUser = (id: string) => () => new fake.User({ id, name: id });
    const talk = createTalkSession({ appId, talk: fake, syncUser: syncUser("alice") });
    fake.failSessions(new Error("refused"));
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("error");
    fake.failSessions(false);
    talk.setOptions({ appId, talk: fake, syncUser: syncUser("alice") });
    await settle();
    expect(talk.getState().status).toBe("error");
    talk.setOptions({ appId, talk: fake, syncUser: syncUser("bob") });
    await settle();
    expect(talk.getState().status).toBe("ready");
    expect(talk.getState().session?.me.id).toBe("bob");
  });
});

describe("the latest options", () => {
  it("use a fresh token passed while the SDK loads instead of the expired one the attempt started with", async () => {
    const fake = createFakeTalk({ secret, readyDelayMs: 300 });
    const expired = await signTestToken({ secret, appId, userId: "pete", exp: Math.floor(Date.now() / 1000) - 10 });
    const fresh = await signTestToken({ secret, appId, userId: "pete" });
    const talk = createTalkSession({ appId, userId: "pete", talk: fake, token: expired });
    talk.connect();
    await settle(100);
    talk.setOptions({ appId, userId: "pete", talk: fake, token: fresh });
    await settle(300);
    expect(fake.sessions.map((session) => session.options.token)).toEqual([fresh]);
  });

  it("use a new talk module for the next session, also when it arrives while the previous one loads", async () => {
    const slow = createFakeTalk({ readyDelayMs: 1000 });
    const other = createFakeTalk();
    const talk = createTalkSession({ appId, userId: "pete", talk: slow });
    talk.connect();
    await settle(10);
    talk.setOptions({ appId, userId: "pete", talk: other });
    await settle(2000);
    expect([slow.sessions.length, other.sessions.length]).toEqual([0, 1]);
    const third = createFakeTalk();
    talk.setOptions({ appId, userId: "pete", talk: third });
    await settle();
    expect(third.sessions).toHaveLength(0); // not a reason to re-create
    talk.setOptions({ appId, userId: "sam", talk: third });
    await settle();
    expect([other.liveSessions().length, third.liveSessions().length]).toEqual([0, 1]);
  });
});

describe("limits", () => {
  it("accepts one retry bound alone and adapts the other", () => {
    expect(validateSessionOptions({ appId, userId: "pete", retry: { maxDelayMs: 100 } }).retry).toEqual({
      attempts: 3,
      minDelayMs: 100,
      maxDelayMs: 100,
    });
    expect(validateSessionOptions({ appId, userId: "pete", retry: { minDelayMs: 60_000 } }).retry).toEqual({
      attempts: 3,
      minDelayMs: 60_000,
      maxDelayMs: 60_000,
    });
  });

  it("rejects contradicting bounds and unknown retry keys with a TypeError naming them", () => {
    expect(() => createTalkSession({ appId, userId: "pete", retry: { minDelayMs: 500, maxDelayMs: 100 } })).toThrow(
      /"retry.maxDelayMs" to be at least "retry.minDelayMs"/,
    );
    expect(() => createTalkSession({ appId, userId: "pete", retry: { attemps: 5 } as never })).toThrow(
      /"retry.attemps", which is not a retry setting; use "attempts", "minDelayMs", "maxDelayMs"/,
    );
  });

  it("keeps the session for a keepAliveMs longer than a timer can hold instead of destroying it at once", async () => {
    const { fake, talk } = setup({ keepAliveMs: 30 * day });
    const release = talk.connect();
    await settle();
    release();
    await settle(1000);
    expect(fake.liveSessions()).toHaveLength(1);
    expect(talk.getState().status).toBe("ready");
  });

  it("keeps waiting for a new token when the only one lasts longer than a timer can hold", async () => {
    const token = await signTestToken({ secret, appId, userId: "pete", expiresInSeconds: (40 * day) / 1000 });
    const { fake, talk } = setup({ token }, { secret });
    talk.connect();
    await settle();
    let refreshed: unknown;
    fake.refreshToken().then(
      (value) => (refreshed = value),
      (error: unknown) => (refreshed = error),
    );
    await settle(1000);
    expect(refreshed).toBeUndefined();
    expect(talk.getState().status).toBe("ready");
  });
});

describe("the state", () => {
  it("describes the present in error: no session and no unreads of the dead session", async () => {
    const { fake, talk } = setup({ tokenFetcher: () => "t1", retry: false });
    talk.connect();
    await settle();
    fake.setUnreads(2);
    expect(talk.getState().unreads).toHaveLength(2);
    talk.setOptions({
      appId,
      userId: "pete",
      talk: fake,
      tokenFetcher: () => Promise.reject(new Error("down")),
      retry: false,
    });
    await fake.refreshToken().catch(() => {});
    await settle();
    expect(talk.getState()).toMatchObject({ status: "error", session: undefined, unreads: undefined });
  });

  it("passes (state, previous) to subscribers, every change in order, also when a subscriber changes it", async () => {
    const { talk } = setup();
    const heard: string[] = [];
    talk.subscribe((state, previous) => {
      heard.push(`${previous.status}->${state.status}`);
      if (state.status === "ready") talk.destroy();
    });
    talk.subscribe((state, previous) => heard.push(`second ${previous.status}->${state.status}`));
    talk.connect();
    await settle();
    expect(heard).toEqual([
      "idle->loading",
      "second idle->loading",
      "loading->ready",
      "second loading->ready",
      "ready->destroyed",
      "second ready->destroyed",
    ]);
  });

  it("keeps notifying the other subscribers when one throws, and reports it through error", async () => {
    const { talk } = setup();
    const errors: string[] = [];
    talk.on("error", (error) => errors.push(error.code));
    talk.subscribe(() => {
      throw new Error("listener bug");
    });
    const seen: SessionState[] = [];
    talk.subscribe((state) => seen.push(state));
    talk.connect();
    await settle();
    expect(seen.map((state) => state.status)).toEqual(expect.arrayContaining(["loading", "ready"]));
    expect(errors).toEqual(seen.map(() => "handler-failed"));
  });

  it("keeps the trace in the order things happened when a subscriber acts on a change", async () => {
    const trace: string[] = [];
    const { talk } = setup({
      debug: (entry) => entry.type === "transition" && trace.push(`${entry.previous}->${entry.status}`),
    });
    talk.subscribe((state) => state.status === "ready" && talk.destroy());
    talk.connect();
    await settle();
    expect(trace).toEqual(["idle->loading", "loading->ready", "ready->destroyed"]);
  });
});

export type { Talk };
