/* eslint-disable @typescript-eslint/no-deprecated -- these tests pin the deprecated "signature" option, which stays supported. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFakeTalk } from "@x/session-testing";
import { createTalkSession } from "../src/classic/createTalkSession";
import type { SessionError } from "../src/machine/SessionError";
import type { SessionOptions } from "../src/classic/types";
import { appId, settle, setup, useFakeTime } from "./helpers";

beforeEach(() => useFakeTime());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const create = (options: unknown) => () => createTalkSession(options as SessionOptions);

describe("option validation", () => {
  it("rejects a missing appId with a message naming it and the fix", () => {
    expect(create({ userId: "pete" })).toThrow(TypeError);
    expect(create({ userId: "pete" })).toThrow(
      `createTalkSession() needs "appId", your TalkJS app id from the dashboard's Settings page; got undefined.`,
    );
    expect(create({ appId: "  ", userId: "pete" })).toThrow(/"appId"/);
  });

  it("needs exactly one of userId or syncUser", () => {
    expect(create({ appId })).toThrow(`createTalkSession() needs exactly one of "userId" or "syncUser"; got neither.`);
    expect(create({ appId, userId: "pete", syncUser: () => ({}) })).toThrow(
      `createTalkSession() needs exactly one of "userId" or "syncUser"; got both.`,
    );
  });

  it("rejects wrong types, naming the option", () => {
    expect(create({ appId, userId: 42 })).toThrow(/"userId" to be a non-empty string/);
    expect(create({ appId, syncUser: "pete" })).toThrow(/"syncUser" to be a Talk.User or a function/);
    expect(create({ appId, userId: "pete", token: 5 })).toThrow(/"token" to be a non-empty string/);
    expect(create({ appId, userId: "pete", tokenFetcher: "url" })).toThrow(/"tokenFetcher" to be a function/);
    expect(create({ appId, userId: "pete", desktopNotificationsEnabled: "yes" })).toThrow(
      /"desktopNotificationsEnabled" to be a boolean/,
    );
    expect(create({ appId, userId: "pete", retry: { attempts: 0 } })).toThrow(/"retry.attempts"/);
    expect(create({ appId, userId: "pete", retry: { minDelayMs: 100, maxDelayMs: 10 } })).toThrow(/"retry.maxDelayMs"/);
    expect(create({ appId, userId: "pete", loadTimeoutMs: -1 })).toThrow(/"loadTimeoutMs"/);
    expect(create({ appId, userId: "pete", keepAliveMs: Number.NaN })).toThrow(/"keepAliveMs"/);
    expect(create({ appId, userId: "pete", debug: "verbose" })).toThrow(/"debug"/);
  });

  it("never echoes a mistyped value, which could be a token", () => {
    expect(create({ appId, userId: "pete", signature: "" })).toThrow(/got an empty string/);
    try {
      create({ appId: "x", userId: ["secret-token-value"] })();
    } catch (error) {
      expect((error as Error).message).not.toContain("secret-token-value");
    }
  });

  it("rejects the two notification names with different values", () => {
    expect(
      create({ appId, userId: "pete", desktopNotificationsEnabled: true, desktopNotificationEnabled: false }),
    ).toThrow(/alias/);
  });

  it("names the owner an adapter passes", async () => {
    const { validateSessionOptions } = await import("../src/classic/validateOptions");
    expect(() => validateSessionOptions({ appId } as SessionOptions, "<Session>")).toThrow(
      `<Session> needs exactly one of "userId" or "syncUser"; got neither.`,
    );
  });

  it("validates setOptions the same way and keeps the previous options on failure", async () => {
    const { fake, talk } = setup();
    talk.connect();
    await settle();
    expect(() => talk.setOptions({ appId } as SessionOptions)).toThrow(TypeError);
    expect(talk.getState().status).toBe("ready");
    expect(fake.sessions).toHaveLength(1);
  });
});

describe("what re-creates the session", () => {
  it("re-creates for a new user id, destroying the old session first", async () => {
    const { fake, talk } = setup();
    talk.connect();
    await settle();
    talk.setOptions({ appId, userId: "alice", talk: fake });
    expect(fake.liveSessions()).toHaveLength(0);
    await settle();
    expect(fake.liveSessions().map((session) => session.me.id)).toEqual(["alice"]);
  });

  it("re-creates for a new appId and a new signature", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { fake, talk } = setup({ signature: "sig-1" });
    talk.connect();
    await settle();
    talk.setOptions({ appId: "other-app", userId: "pete", signature: "sig-1", talk: fake });
    await settle();
    talk.setOptions({ appId: "other-app", userId: "pete", signature: "sig-2", talk: fake });
    await settle();
    expect(fake.sessions.map((session) => [session.appId, session.options.signature])).toEqual([
      [appId, "sig-1"],
      ["other-app", "sig-1"],
      ["other-app", "sig-2"],
    ]);
    expect(fake.liveSessions()).toHaveLength(1);
  });

  it("does not re-create for a new syncUser function that returns the same user", async () => {
    const fake = createFakeTalk();
    const { talk } = setup({ fake, syncUser: () => new fake.User({ id: "pete", name: "Pete" }) });
    talk.connect();
    await settle();
    for (let render = 0; render < 20; render++) {
      talk.setOptions({ appId, talk: fake, syncUser: () => new fake.User({ name: "Pete", id: "pete" }) });
    }
    await settle();
    expect(fake.sessions).toHaveLength(1);
    talk.setOptions({ appId, talk: fake, syncUser: () => new fake.User({ id: "pete", name: "Peter" }) });
    await settle();
    expect(fake.sessions).toHaveLength(2);
    expect(fake.liveSessions()[0]!.me.name).toBe("Peter");
  });

  it("calls a syncUser function only after the SDK is ready", async () => {
    const fake = createFakeTalk({ readyDelayMs: 100 });
    const syncUser = vi.fn(() => new fake.User({ id: "pete", name: "Pete" }));
    const talk = createTalkSession({ appId, talk: fake, syncUser });
    talk.connect();
    await settle(50);
    expect(syncUser).not.toHaveBeenCalled();
    await settle(100);
    expect(syncUser).toHaveBeenCalledTimes(1);
    expect(talk.getState().status).toBe("ready");
  });

  it("does not re-create for new function identities, a new token or notification changes", async () => {
    const { fake, talk } = setup({
      token: "opaque-1",
      tokenFetcher: () => "opaque-2",
      desktopNotificationsEnabled: false,
    });
    talk.on("message", () => {});
    talk.connect();
    await settle();
    talk.setOptions({
      appId,
      userId: "pete",
      talk: fake,
      token: "opaque-3",
      tokenFetcher: () => "opaque-4",
      desktopNotificationsEnabled: true,
    });
    talk.on("message", () => {});
    await settle();
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]!.desktopNotificationsEnabled).toBe(true);
  });

  it("applies the desktopNotificationEnabled alias", async () => {
    const { fake, talk } = setup({ desktopNotificationEnabled: true });
    talk.connect();
    await settle();
    expect(fake.sessions[0]!.desktopNotificationsEnabled).toBe(true);
  });

  it("reports denied notification permission as a non-fatal error and stays ready", async () => {
    const { talk } = setup({ desktopNotificationsEnabled: true }, { notificationPermission: "denied" });
    const errors: SessionError[] = [];
    talk.on("error", (error) => errors.push(error));
    talk.connect();
    await settle();
    expect(errors.map((error) => error.code)).toEqual(["desktop-notifications-failed"]);
    expect(talk.getState().status).toBe("ready");
    expect(talk.getState().error).toBeUndefined();
  });

  it("restarts with the new user when the user changes while loading", async () => {
    const { fake, talk } = setup({}, { readyDelayMs: 100 });
    talk.connect();
    await settle(50);
    talk.setOptions({ appId, userId: "alice", talk: fake });
    await settle(200);
    expect(fake.sessions.map((session) => session.me.id)).toEqual(["alice"]);
  });

  it("ends with one live session for the last user after 20 rapid switches", async () => {
    const { fake, talk } = setup();
    talk.connect();
    let maxAlive = 0;
    for (let switchIndex = 0; switchIndex < 20; switchIndex++) {
      talk.setOptions({ appId, userId: `user-${switchIndex}`, talk: fake });
      await settle(switchIndex % 2);
      maxAlive = Math.max(maxAlive, fake.liveSessions().length);
    }
    await settle();
    expect(maxAlive).toBe(1);
    expect(fake.liveSessions().map((session) => session.me.id)).toEqual(["user-19"]);
  });

  it("warns once that signature is deprecated", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.resetModules();
    const { createTalkSession: fresh } = await import("../src/classic/createTalkSession");
    fresh({ appId, userId: "pete", signature: "abc" });
    fresh({ appId, userId: "pete", signature: "abc" });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/"signature".*deprecated/);
  });
});
