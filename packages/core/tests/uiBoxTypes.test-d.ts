import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import {
  createChatbox,
  createInbox,
  createPopup,
  createTalkSession,
  type SessionError,
  type UIBoxController,
  type UIBoxState,
} from "../src/index";

const talk = createTalkSession({ appId: "a", userId: "pete" });

describe("box controller types", () => {
  it("returns a controller typed by the kind of box, whose state holds that TalkJS box", () => {
    expectTypeOf(createChatbox(talk)).toEqualTypeOf<UIBoxController<"chatbox">>();
    expectTypeOf(createInbox(talk).getState().box).toEqualTypeOf<Talk.Inbox | undefined>();
    expectTypeOf(createPopup(talk).getState()).toEqualTypeOf<UIBoxState<"popup">>();
  });

  it("takes every TalkJS option of that kind plus the conversation options", () => {
    createChatbox(talk, { conversationId: "order-1", asGuest: true, showChatHeader: false, highlightedWords: ["a"] });
    createChatbox(talk, { syncConversation: (session) => session.getOrCreateConversation("order-1") });
    createInbox(talk, { conversationId: null, feedFilter: { hasUnreadMessages: true } });
    createPopup(talk, { show: false, launcher: "never" });
    // @ts-expect-error conversationId is a string or null
    createChatbox(talk, { conversationId: 7 });
    // @ts-expect-error a Chatbox has no feedFilter
    createChatbox(talk, { feedFilter: {} });
  });

  it("types event handlers from the SDK's on<Event> methods", () => {
    createChatbox(talk).on("sendMessage", (event) => expectTypeOf(event).toEqualTypeOf<Talk.SendMessageEvent>());
    createInbox(talk).on("conversationSelected", (event) =>
      expectTypeOf(event).toEqualTypeOf<Talk.ConversationSelectedEvent>(),
    );
    createPopup(talk).on("customMessageAction", (event) =>
      expectTypeOf(event).toEqualTypeOf<Talk.MessageActionEvent>(),
    );
    createInbox(talk).on("error", (error) => expectTypeOf(error).toEqualTypeOf<SessionError>());
    // @ts-expect-error not an event of a box
    createChatbox(talk).on("message", () => {});
  });
});
