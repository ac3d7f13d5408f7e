import type { SessionError } from "@x/session-core";
import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import { h } from "vue";
import {
  TalkChatbox,
  TalkInbox,
  TalkPopup,
  type TalkChatboxExposed,
  type TalkChatboxProps,
  type TalkInboxExposed,
  type TalkInboxProps,
  type TalkPopupExposed,
  type TalkPopupProps,
} from "../src";

declare const builder: Talk.ConversationBuilder;

describe("box component types", () => {
  it("take conversation-id or sync-conversation, not both, and every TalkJS option of the box", () => {
    h(TalkChatbox, { conversationId: "order-1", showChatHeader: false, asGuest: true, highlightedWords: ["a"] });
    h(TalkChatbox, { conversationId: null });
    h(TalkChatbox, { syncConversation: builder, messageFilter: { type: ["==", "UserMessage"] } });
    h(TalkChatbox, { syncConversation: (session) => session.getOrCreateConversation("order-1") });
    // @ts-expect-error conversationId and syncConversation cannot both be given
    h(TalkChatbox, { conversationId: "order-1", syncConversation: builder });
    // @ts-expect-error showChatHeader is a boolean
    h(TalkChatbox, { conversationId: "order-1", showChatHeader: "yes" });
    h(TalkInbox, {});
    h(TalkInbox, { feedFilter: { custom: { category: ["==", "support"] } }, conversationId: "order-1" });
    // An Inbox's conversation is conversationId, not TalkJS's `selected`.
    expectTypeOf<TalkInboxProps>().not.toHaveProperty("selected");
    h(TalkPopup, { conversationId: "order-1", show: false, launcher: "always" });
    // @ts-expect-error show is a boolean
    h(TalkPopup, { conversationId: "order-1", show: "yes" });
    expectTypeOf<{ conversationId: "a"; class: "chat" }>().toExtend<TalkChatboxProps>();
    expectTypeOf<{ feedFilter: Talk.InboxOptions["feedFilter"] }>().toExtend<TalkInboxProps>();
    expectTypeOf<{ conversationId: "a"; show: boolean }>().toExtend<TalkPopupProps>();
  });

  it("type the listeners of every box event with the SDK's payloads, and the error listener", () => {
    h(TalkChatbox, {
      conversationId: "order-1",
      onSendMessage: (event) => expectTypeOf(event).toEqualTypeOf<Talk.SendMessageEvent>(),
      onCustomMessageAction: (event) => expectTypeOf(event).toEqualTypeOf<Talk.MessageActionEvent>(),
      onCustomConversationAction: (event) => expectTypeOf(event).toEqualTypeOf<Talk.ConversationActionEvent>(),
      onFocus: () => {},
      onError: (error) => expectTypeOf(error).toEqualTypeOf<SessionError>(),
    });
    h(TalkInbox, {
      onConversationSelected: (event) => expectTypeOf(event).toEqualTypeOf<Talk.ConversationSelectedEvent>(),
    });
    h(TalkPopup, { conversationId: "order-1", onOpen: () => {}, onClose: () => {} });
    expectTypeOf<TalkChatboxProps>().not.toHaveProperty("onConversationSelected");
    expectTypeOf<TalkInboxProps>().toHaveProperty("onConversationSelected");
    // @ts-expect-error a sendMessage listener receives a SendMessageEvent
    h(TalkChatbox, { conversationId: "order-1", onSendMessage: (event: string) => event });
  });

  it("expose the live box of each kind", () => {
    expectTypeOf<TalkChatboxExposed["box"]>().toEqualTypeOf<Talk.Chatbox | undefined>();
    expectTypeOf<TalkInboxExposed["box"]>().toEqualTypeOf<Talk.Inbox | undefined>();
    expectTypeOf<TalkPopupExposed["box"]>().toEqualTypeOf<Talk.Popup | undefined>();
  });
});
