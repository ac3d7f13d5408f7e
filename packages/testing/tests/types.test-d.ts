import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import { createFakeTalk, type FakeSession, type FakeTalk } from "../src/index.js";

type TalkModule = Pick<typeof Talk, "ready" | "Session" | "User">;

describe("public types", () => {
  it("makes createFakeTalk() assignable to the talkjs module's ready, Session and User", () => {
    expectTypeOf(createFakeTalk()).toExtend<TalkModule>();
    expectTypeOf<FakeTalk["Session"]>().toEqualTypeOf<typeof Talk.Session>();
    expectTypeOf<FakeTalk["User"]>().toEqualTypeOf<typeof Talk.User>();
  });

  it("gives the fake session the Talk.Session members the product uses", () => {
    type UsedMembers =
      | "appId"
      | "me"
      | "isAlive"
      | "unreads"
      | "on"
      | "off"
      | "onMessage"
      | "onDesktopNotificationClicked"
      | "onBrowserPermissionNeeded"
      | "onBrowserPermissionDenied"
      | "hasValidCredentials"
      | "setDesktopNotificationEnabled"
      | "destroy";
    expectTypeOf<FakeSession>().toExtend<Pick<Talk.Session, UsedMembers>>();
  });

  it("types the builders as the SDK's data", () => {
    expectTypeOf<ReturnType<typeof createFakeTalk>["emitMessage"]>().returns.toEqualTypeOf<Talk.Message>();
    expectTypeOf<FakeSession["tokens"]>().toEqualTypeOf<readonly string[]>();
  });

  it("rejects unknown options", () => {
    // @ts-expect-error "eventually" is not a ready mode
    createFakeTalk({ ready: "eventually" });
    // @ts-expect-error permissions are "granted" | "denied" | "unsupported"
    createFakeTalk({ notificationPermission: "default" });
  });
});
