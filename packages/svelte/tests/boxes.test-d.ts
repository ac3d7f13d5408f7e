import type { SessionError } from "@x/session-core";
import type { Snippet } from "svelte";
import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import type { TalkChatboxProps, TalkInboxProps, TalkPopupProps } from "../src/lib/index";

declare const conversation: Talk.ConversationBuilder;
declare const loading: Snippet;
const chatbox = (props: TalkChatboxProps) => props;
const inbox = (props: TalkInboxProps) => props;
const popup = (props: TalkPopupProps) => props;

describe("TalkChatboxProps", () => {
  it("takes a conversation, every Talk.ChatboxOptions field, class, style and a loading snippet", () => {
    expectTypeOf({
      conversationId: "order-1",
      asGuest: true,
      highlightedWords: ["refund"],
      showChatHeader: false,
      messageFilter: { type: ["==", "UserMessage"] } satisfies Talk.MessagePredicate,
      class: "chat",
      style: "height: 500px",
      loading,
    }).toExtend<TalkChatboxProps>();
    expectTypeOf({
      syncConversation: (session: Talk.Session) => session.getOrCreateConversation("order-1"),
    }).toExtend<TalkChatboxProps>();
    expectTypeOf({ syncConversation: conversation }).toExtend<TalkChatboxProps>();
  });

  it("types the event callbacks with the SDK's payloads, and onError with SessionError", () => {
    expectTypeOf<TalkChatboxProps["onSendMessage"]>().toEqualTypeOf<
      ((event: Talk.SendMessageEvent) => void) | undefined
    >();
    expectTypeOf<NonNullable<TalkChatboxProps["onCustomMessageAction"]>>()
      .parameter(0)
      .toEqualTypeOf<Talk.MessageActionEvent>();
    expectTypeOf<TalkChatboxProps["onError"]>().toEqualTypeOf<((error: SessionError) => void) | undefined>();
  });

  it("needs exactly one of conversationId or syncConversation, and no unknown option", () => {
    expectTypeOf({ showChatHeader: false }).not.toExtend<TalkChatboxProps>();
    expectTypeOf({ conversationId: "order-1", syncConversation: conversation }).not.toExtend<TalkChatboxProps>();
    // @ts-expect-error not a Talk.ChatboxOptions field
    chatbox({ conversationId: "order-1", showChatHeaders: false });
    // @ts-expect-error an Inbox event, not a Chatbox one
    chatbox({ conversationId: "order-1", onConversationSelected: () => {} });
  });
});

describe("TalkInboxProps", () => {
  it("takes no conversation at all, feedFilter and the Inbox events", () => {
    expectTypeOf({}).toExtend<TalkInboxProps>();
    expectTypeOf({
      feedFilter: { custom: { category: ["==", "support"] } } satisfies Talk.ConversationPredicate,
      onConversationSelected: (event: Talk.ConversationSelectedEvent) => event.conversation?.id,
    }).toExtend<TalkInboxProps>();
    // @ts-expect-error select a conversation with conversationId, not the creation option
    inbox({ selected: "order-1" });
  });
});

describe("TalkPopupProps", () => {
  it("takes show, the Popup options and events, and no element props", () => {
    expectTypeOf({
      conversationId: "order-1",
      show: false,
      launcher: "always" as const,
      onOpen: () => {},
    }).toExtend<TalkPopupProps>();
    expectTypeOf<TalkPopupProps["show"]>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error TalkJS places a popup itself: no class
    popup({ conversationId: "order-1", class: "popup" });
  });
});
