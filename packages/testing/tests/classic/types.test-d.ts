import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import {
  createFakeTalk,
  type AnyFakeUIBox,
  type FakeChatbox,
  type FakeInbox,
  type FakePopup,
  type FakeSession,
  type FakeTalk,
  type FakeUIBoxEventName,
  type FakeUIBoxEventPayload,
} from "../../src/index.js";

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

  it("makes the fake boxes assignable to the SDK's Chatbox, Inbox and Popup, in every create form", () => {
    const session = null as unknown as FakeSession;
    expectTypeOf(session.createChatbox()).toEqualTypeOf<FakeChatbox>();
    expectTypeOf(session.createChatbox({ showChatHeader: false })).toExtend<Talk.Chatbox>();
    expectTypeOf(session.createInbox({ feedFilter: {} })).toExtend<Talk.Inbox>();
    expectTypeOf(session.createPopup({ launcher: "never" })).toExtend<Talk.Popup>();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated two-argument forms are typed too
    expectTypeOf(session.createChatbox(session.getOrCreateConversation("a"), {})).toExtend<Talk.Chatbox>();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated two-argument forms are typed too
    expectTypeOf(session.createPopup(null, {})).toExtend<Talk.Popup>();
    expectTypeOf(session.getOrCreateConversation("a")).toExtend<Talk.ConversationBuilder>();
    expectTypeOf<FakeSession>().toExtend<Pick<Talk.Session, "createChatbox" | "createInbox" | "createPopup">>();
  });

  it("derives the event names of each kind of box from the SDK's on<Event> methods", () => {
    expectTypeOf<"conversationSelected">().toExtend<FakeUIBoxEventName<"inbox">>();
    expectTypeOf<"conversationSelected">().not.toExtend<FakeUIBoxEventName<"chatbox">>();
    expectTypeOf<"open" | "close">().toExtend<FakeUIBoxEventName<"popup">>();
    expectTypeOf<"open">().not.toExtend<FakeUIBoxEventName<"inbox">>();
    expectTypeOf<FakeUIBoxEventPayload<"sendMessage">>().toEqualTypeOf<Talk.SendMessageEvent>();
    expectTypeOf<FakeUIBoxEventPayload<"customMessageAction">>().toEqualTypeOf<Talk.MessageActionEvent>();
    expectTypeOf<FakeUIBoxEventPayload<"focus">>().toEqualTypeOf<undefined>();
  });

  it("types emit() by the box's own events and their payloads", () => {
    const chatbox = null as unknown as FakeChatbox;
    const inbox = null as unknown as FakeInbox;
    const popup = null as unknown as FakePopup;
    expectTypeOf(chatbox.emit("sendMessage", { conversation: null as unknown as Talk.ConversationData })).toBeBoolean();
    inbox.emit("conversationSelected", { conversation: null });
    popup.emit("open");
    // @ts-expect-error a Chatbox has no "open" event
    chatbox.emit("open");
    // @ts-expect-error the payload fields keep their SDK types
    inbox.emit("desktopNotificationToggled", { isEnabled: "yes" });
    expectTypeOf<FakeTalk["boxes"]>().toEqualTypeOf<readonly AnyFakeUIBox[]>();
    expectTypeOf<FakeTalk["emitBoxEvent"]>().parameter(0).toEqualTypeOf<FakeUIBoxEventName>();
  });
});
