import { describe, expect, it } from "vitest";
import type Talk from "talkjs";
import { loadedTalk } from "./loadedTalk.js";

describe("new Session(options)", () => {
  it("records the options, app id and a user for userId", async () => {
    const talk = await loadedTalk();
    const options = { appId: "test-app", userId: "pete" };
    new talk.Session(options);
    const [session] = talk.sessions;
    expect(session?.options).toBe(options);
    expect(session?.appId).toBe("test-app");
    expect(session?.me.id).toBe("pete");
  });

  it("uses the given user as me", async () => {
    const talk = await loadedTalk();
    const me = new talk.User({ id: "pete", name: "Pete", email: "pete@example.com" });
    const session = new talk.Session({ appId: "test-app", me });
    expect(session.me).toBe(me);
    expect(session.me.name).toBe("Pete");
  });

  it.each([
    ["no options", undefined, /options must be an object/],
    ["an empty appId", { appId: "", userId: "pete" }, /"appId" must be a non-empty string/],
    ["a numeric appId", { appId: 42, userId: "pete" }, /"appId"/],
    ["both userId and me", "both", /exactly one of "userId" or "me"; got both/],
    ["neither userId nor me", { appId: "test-app" }, /got neither/],
    ["an empty userId", { appId: "test-app", userId: "" }, /"userId" must be a non-empty string/],
    ["a plain object as me", { appId: "test-app", me: { id: "pete", name: "Pete" } }, /"me" must be a Talk.User/],
    ["an empty token", { appId: "test-app", userId: "pete", token: "" }, /"token"/],
    [
      "a tokenFetcher that is not a function",
      { appId: "test-app", userId: "pete", tokenFetcher: "abc" },
      /"tokenFetcher"/,
    ],
  ])("throws for %s", async (_, options, message) => {
    const talk = await loadedTalk();
    const given = options === "both" ? { appId: "test-app", userId: "pete", me: new talk.User("pete") } : options;
    expect(() => new talk.Session(given as Talk.SessionOptions)).toThrow(message);
    expect(talk.sessions).toHaveLength(0);
  });

  it("throws for a user without a name", async () => {
    const talk = await loadedTalk();
    expect(() => new talk.User({ id: "pete" } as Talk.UserOptions)).toThrow(/"name"/);
    expect(() => new talk.User("")).toThrow(/non-empty/);
  });
});

describe("injected construction failures", () => {
  it("makes only the next construction throw after failNextSession()", async () => {
    const talk = await loadedTalk();
    talk.failNextSession();
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).toThrow(/\[TalkJS\]/);
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).not.toThrow();
    expect(talk.sessions).toHaveLength(1);
  });

  it("throws the given error from failNextSession(error)", async () => {
    const talk = await loadedTalk();
    const failure = new Error("boom");
    talk.failNextSession(failure);
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).toThrow(failure);
  });

  it("makes every construction throw until failSessions(false)", async () => {
    const talk = await loadedTalk();
    const failure = new Error("TalkJS is down");
    talk.failSessions(failure);
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).toThrow(failure);
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).toThrow(failure);
    talk.failSessions(false);
    expect(() => new talk.Session({ appId: "test-app", userId: "pete" })).not.toThrow();
  });
});
