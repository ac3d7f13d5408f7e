import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import {
  createTalkSession,
  sessionOptionNames,
  type CommonSessionOptions,
  type SessionOptions,
  type SessionState,
  type TalkEventName,
} from "../src/index";

describe("public types", () => {
  it("needs exactly one of userId or syncUser", () => {
    expectTypeOf<{ appId: string; userId: string }>().toExtend<SessionOptions>();
    expectTypeOf<{ appId: string; syncUser: () => Talk.User }>().toExtend<SessionOptions>();
    // @ts-expect-error both given
    createTalkSession({ appId: "a", userId: "pete", syncUser: () => ({}) as unknown as Talk.User });
    // @ts-expect-error neither given
    createTalkSession({ appId: "a" });
  });

  it("lists every session option in sessionOptionNames", () => {
    expectTypeOf<(typeof sessionOptionNames)[number]>().toEqualTypeOf<
      keyof CommonSessionOptions | "userId" | "syncUser"
    >();
  });

  it("derives event names and payloads from Talk.Session", () => {
    expectTypeOf<TalkEventName>().toEqualTypeOf<
      "message" | "desktopNotificationClicked" | "browserPermissionNeeded" | "browserPermissionDenied"
    >();
    const talk = createTalkSession({ appId: "a", userId: "pete" });
    talk.on("message", (message) => expectTypeOf(message).toEqualTypeOf<Talk.Message>());
    talk.on("unreadsChange", (unreads) => expectTypeOf(unreads).toEqualTypeOf<Talk.UnreadConversation[]>());
    talk.on("error", (error) => expectTypeOf(error.code).toBeString());
    talk.on("browserPermissionNeeded", async () => {});
    // @ts-expect-error not an event
    talk.on("messages", () => {});
  });

  it("exposes the session only as a Talk.Session or undefined", () => {
    expectTypeOf<SessionState["session"]>().toEqualTypeOf<Talk.Session | undefined>();
    expectTypeOf(createTalkSession({ appId: "a", userId: "p" }).whenReady()).resolves.toEqualTypeOf<Talk.Session>();
  });
});
