import { createTalkSession, type SessionError, type SessionState } from "@x/session-core";
import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import { h, type ShallowRef } from "vue";
import {
  TalkSession,
  useSession,
  useSessionState,
  useUnreads,
  type TalkSessionProps,
  type TalkSessionSlotProps,
} from "../src";

const controller = createTalkSession({ appId: "app", userId: "pete" });
declare const user: Talk.User;
type SdkEvent<Method extends "onBrowserPermissionDenied"> = Parameters<Parameters<Talk.Session[Method]>[0]>[0];

describe("<TalkSession> types", () => {
  it("accepts the session options as props, with exactly one of userId or syncUser", () => {
    h(TalkSession, { appId: "app", userId: "pete" });
    h(TalkSession, { appId: "app", syncUser: user });
    h(TalkSession, {
      appId: "app",
      syncUser: () => user,
      tokenFetcher: async () => "token",
      desktopNotificationsEnabled: true,
    });
    h(TalkSession, { appId: "app", userId: "pete", retry: false, loadTimeoutMs: 5000, keepAliveMs: 0, debug: true });
    // A bare `retry` attribute is `true`: the default policy.
    h(TalkSession, { appId: "app", userId: "pete", retry: true });
    h(TalkSession, { appId: "app", userId: "pete", retry: { attempts: 5 } });
    // @ts-expect-error userId and syncUser cannot both be given
    h(TalkSession, { appId: "app", userId: "pete", syncUser: user });
    // @ts-expect-error one of userId or syncUser is needed
    h(TalkSession, { appId: "app" });
    // @ts-expect-error appId is required
    h(TalkSession, { userId: "pete" });
    // @ts-expect-error userId is a string
    h(TalkSession, { appId: "app", userId: 42 });
    // @ts-expect-error desktopNotificationsEnabled is a boolean
    h(TalkSession, { appId: "app", userId: "pete", desktopNotificationsEnabled: "yes" });
  });

  it("accepts a controller alone, or with a full set of options, as the runtime does", () => {
    h(TalkSession, { controller });
    h(TalkSession, { controller, appId: "app", userId: "pete" });
    expectTypeOf<{ controller: typeof controller }>().toExtend<TalkSessionProps>();
    expectTypeOf<{ controller: typeof controller; appId: "a"; syncUser: Talk.User }>().toExtend<TalkSessionProps>();
    expectTypeOf<{ controller: typeof controller; userId: "maria" }>().not.toExtend<TalkSessionProps>();
    // @ts-expect-error option props next to a controller replace all of its options: "appId" and a user are needed
    h(TalkSession, { controller, token: "jwt" });
  });

  it("types the listeners of every emitted event", () => {
    h(TalkSession, {
      appId: "app",
      userId: "pete",
      onMessage: (message) => expectTypeOf(message).toEqualTypeOf<Talk.Message>(),
      onUnreadsChange: (unreads) => expectTypeOf(unreads).toEqualTypeOf<Talk.UnreadConversation[]>(),
      onDesktopNotificationClicked: (event) =>
        expectTypeOf(event).toEqualTypeOf<Talk.DesktopNotificationClickedEvent>(),
      onBrowserPermissionNeeded: async (event) =>
        expectTypeOf(event).toEqualTypeOf<Talk.BrowserPermissionNeededEvent>(),
      // Whatever the SDK declares (talkjs 0.46 types this event as BrowserPermissionNeededEvent).
      onBrowserPermissionDenied: (event) => expectTypeOf(event).toEqualTypeOf<SdkEvent<"onBrowserPermissionDenied">>(),
      onError: (error) => expectTypeOf(error).toEqualTypeOf<SessionError>(),
    });
    // @ts-expect-error a message listener receives a Talk.Message
    h(TalkSession, { appId: "app", userId: "pete", onMessage: (message: string) => message });
  });

  it("types the default slot props", () => {
    h(
      TalkSession,
      { appId: "app", userId: "pete" },
      {
        default: (props: TalkSessionSlotProps) => {
          expectTypeOf(props.session).toEqualTypeOf<Talk.Session | undefined>();
          expectTypeOf(props.state).toEqualTypeOf<SessionState>();
          expectTypeOf(props.unreads).toEqualTypeOf<readonly Talk.UnreadConversation[] | undefined>();
          return [];
        },
      },
    );
  });
});

describe("composable types", () => {
  it("return read-only shallow refs", () => {
    expectTypeOf(useSession).returns.toEqualTypeOf<Readonly<ShallowRef<Talk.Session | undefined>>>();
    expectTypeOf(useUnreads).returns.toEqualTypeOf<
      Readonly<ShallowRef<readonly Talk.UnreadConversation[] | undefined>>
    >();
    expectTypeOf(useSessionState).returns.toEqualTypeOf<Readonly<ShallowRef<SessionState>>>();
    expectTypeOf(useSession).parameters.toEqualTypeOf<[controller?: typeof controller]>();
  });
});
