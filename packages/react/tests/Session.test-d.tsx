import type Talk from "talkjs";
import { createTalkSession, Session, useSession, type SessionProps } from "../src";

declare const user: Talk.User;
const controller = createTalkSession({ appId: "test-app", userId: "pete" });

describe("the public types", () => {
  it("let userId and syncUser exclude each other", () => {
    expectTypeOf<{ appId: "a"; userId: "pete" }>().toExtend<SessionProps>();
    expectTypeOf<{ appId: "a"; syncUser: () => Talk.User }>().toExtend<SessionProps>();
    expectTypeOf<{ appId: "a"; userId: "pete"; syncUser: Talk.User }>().not.toExtend<SessionProps>();
    expectTypeOf<{ appId: "a" }>().not.toExtend<SessionProps>();
    // @ts-expect-error both userId and syncUser
    <Session appId="a" userId="pete" syncUser={user} />;
  });

  it("give event props the SDK's payload types", () => {
    <Session
      appId="a"
      userId="pete"
      onMessage={(message) => expectTypeOf(message).toEqualTypeOf<Talk.Message>()}
      onUnreadsChange={(unreads) => expectTypeOf(unreads).toEqualTypeOf<Talk.UnreadConversation[]>()}
      onDesktopNotificationClicked={(event) =>
        expectTypeOf(event).toEqualTypeOf<Talk.DesktopNotificationClickedEvent>()
      }
      onError={(error) => expectTypeOf(error.code).toBeString()}
    />;
    // @ts-expect-error onMessage receives a Talk.Message, not a number
    <Session appId="a" userId="pete" onMessage={(count: number) => count} />;
  });

  it("take a controller alone, or with a full set of option props, as the runtime does", () => {
    <Session controller={controller} />;
    <Session controller={controller} appId="a" userId="maria" />;
    expectTypeOf<{ controller: typeof controller }>().toExtend<SessionProps>();
    expectTypeOf<{ controller: typeof controller; appId: "a"; syncUser: Talk.User }>().toExtend<SessionProps>();
    expectTypeOf<{ userId: "pete" }>().not.toExtend<SessionProps>();
    expectTypeOf<{ controller: typeof controller; userId: "maria" }>().not.toExtend<SessionProps>();
    expectTypeOf<{
      controller: typeof controller;
      appId: "a";
      userId: "a";
      syncUser: Talk.User;
    }>().not.toExtend<SessionProps>();
    // @ts-expect-error option props next to a controller replace all of its options: "appId" and a user are needed
    <Session controller={controller} token="jwt" />;
  });

  it("type sessionRef for useRef<Talk.Session>", () => {
    expectTypeOf<{ current: Talk.Session | undefined }>().toExtend<NonNullable<SessionProps["sessionRef"]>>();
  });

  it("make useSession() return Talk.Session | undefined", () => {
    expectTypeOf(useSession).returns.toEqualTypeOf<Talk.Session | undefined>();
  });
});
