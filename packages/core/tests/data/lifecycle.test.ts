import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDataSession } from "../../src/data/createDataSession";
import type { SessionError } from "../../src/machine/SessionError";
import { appId, seededCore, settle, setupData } from "./helpers";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("a data session's lifecycle", () => {
  it("touches nothing until connect(), then is ready once TalkJS answered for the user", async () => {
    const { core, talk } = setupData();
    await settle(100);
    expect(talk.getState().status).toBe("idle");
    expect(core.sessions).toHaveLength(0);
    talk.connect();
    expect(talk.getState().status).toBe("loading");
    await settle();
    expect(talk.getState().status).toBe("ready");
    expect(talk.getState().session).toBe(core.sessions[0]);
    expect(core.setTokenCalls()).toBe(1);
  });

  it("ends its TalkJS session after the grace once released, and a new one starts on the next connect", async () => {
    const { core, talk } = setupData({ keepAliveMs: 5000 });
    const release = talk.connect();
    await settle();
    release();
    await settle(4000);
    expect(core.liveSessions()).toHaveLength(1);
    await settle(1000);
    expect(talk.getState().status).toBe("idle");
    expect(core.liveSessions()).toHaveLength(0);
    talk.connect();
    await settle();
    expect(core.sessions).toHaveLength(2);
    expect(talk.getState().session).toBe(core.sessions[1]);
  });

  it("never touches another controller's session for the same user", async () => {
    const core = seededCore();
    const one = createDataSession({ appId, userId: "pete", core });
    const two = createDataSession({ appId, userId: "pete", core });
    one.connect();
    two.connect();
    await settle();
    expect(one.getState().session).not.toBe(two.getState().session);
    one.destroy();
    await settle();
    expect(two.getState().status).toBe("ready");
    expect(core.liveSessions()).toEqual([two.getState().session]);
  });

  it("recreates for another user or app, never for a new token, tokenFetcher or syncUser", async () => {
    const { core, talk } = setupData({ syncUser: { name: "Pete" } });
    talk.connect();
    await settle();
    talk.setOptions({
      appId,
      userId: "pete",
      core,
      tokenFetcher: () => "other",
      token: "t2",
      syncUser: { name: "Peter" },
    });
    await settle();
    expect(core.sessions).toHaveLength(1);
    expect(core.sessions[0]!.isAlive).toBe(true);
    talk.setOptions({ appId, userId: "sam", core, tokenFetcher: () => "token" });
    await settle();
    expect(core.sessions).toHaveLength(2);
    expect(core.sessions[0]!.isAlive).toBe(false);
    expect(talk.getState().session).toBe(core.sessions[1]);
    expect(core.peakLiveSessions()).toBe(1);
  });

  it("applies syncUser with currentUser.set() on a new session and when its content changes", async () => {
    const { core, talk } = setupData({ syncUser: { name: "Pete" } });
    talk.connect();
    await settle();
    const session = talk.getState().session!;
    const nameNow = async () => {
      const user = session.currentUser.get();
      await settle();
      return (await user)?.name;
    };
    expect(await nameNow()).toBe("Pete");
    talk.setOptions({ appId, userId: "pete", core, tokenFetcher: () => "token", syncUser: { name: "Peter" } });
    await settle();
    expect(await nameNow()).toBe("Peter");
  });

  it("reports a failed syncUser set() only while it is the latest one", async () => {
    const { core, talk } = setupData({ syncUser: { name: "Pete" } });
    const errors: SessionError[] = [];
    talk.on("error", (error) => errors.push(error));
    talk.connect();
    await settle();
    const user = talk.getState().session!.currentUser;
    const rejections: Array<(reason: Error) => void> = [];
    user.set = () => new Promise((_, reject) => rejections.push(reject));
    const options = { appId, userId: "pete", core, tokenFetcher: () => "token" };
    talk.setOptions({ ...options, syncUser: { name: "Peter" } });
    talk.setOptions({ ...options, syncUser: { name: "Pete O." } });
    rejections[0]!(new Error("replaced"));
    await settle();
    expect(errors).toEqual([]);
    rejections[1]!(new Error("refused"));
    await settle();
    expect(errors.map((error) => [error.code, (error.cause as Error).message])).toEqual([["query-failed", "refused"]]);
  });

  it("is error (session-terminated) when TalkJS ends the session, and retry() starts a new one", async () => {
    const { core, talk } = setupData();
    const errors: SessionError[] = [];
    talk.on("error", (error) => errors.push(error));
    talk.connect();
    await settle();
    core.terminate(undefined, new Error("server ended it"));
    await settle();
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("session-terminated");
    expect(errors.map((error) => error.code)).toEqual(["session-terminated"]);
    talk.retry();
    await settle();
    expect(talk.getState().status).toBe("ready");
    expect(core.sessions).toHaveLength(2);
  });

  it("destroy() ends the TalkJS session, and whenReady() rejects", async () => {
    const { core, talk } = setupData();
    talk.connect();
    await settle();
    talk.destroy();
    expect(core.liveSessions()).toHaveLength(0);
    await expect(talk.whenReady()).rejects.toThrow(/destroyed/);
  });

  it("is error (sdk-load-failed) with an install hint when @talkjs/core cannot be loaded", async () => {
    const talk = createDataSession({ appId, userId: "pete", core: () => Promise.reject(new Error("no module")) });
    talk.connect();
    await settle();
    expect(talk.getState().error?.code).toBe("sdk-load-failed");
    expect(talk.getState().error?.message).toMatch(/npm install @talkjs\/core/);
  });

  it("is a clear error, not an uncaught exception, without a WebSocket (Node before 22) and the real module", async () => {
    vi.useRealTimers();
    const talk = createDataSession({ appId, userId: "pete" });
    talk.connect();
    for (let turn = 0; turn < 50 && talk.getState().status === "loading"; turn++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    if (typeof WebSocket == "undefined") {
      expect(talk.getState().error?.code).toBe("session-create-failed");
      expect(talk.getState().error?.message).toMatch(/WebSocket/);
    }
    talk.destroy();
  });

  it("throws a TypeError naming an unknown, empty or wrong option", () => {
    expect(() => createDataSession({ appId: "", userId: "pete" })).toThrow(/"appId"/);
    expect(() => createDataSession({ appId, userId: "" })).toThrow(/"userId"/);
    expect(() => createDataSession({ appId, userId: "pete", tokenFetcher: "x" as never })).toThrow(/"tokenFetcher"/);
    expect(() => createDataSession({ appId, userId: "pete", keepAlive: 5 } as never)).toThrow(/"keepAlive"/);
    const talk = createDataSession({ appId, userId: "pete" });
    expect(() => talk.messages("")).toThrow(TypeError);
    expect(() => talk.user(undefined as never)).toThrow(/user\(id\)/);
  });
});
