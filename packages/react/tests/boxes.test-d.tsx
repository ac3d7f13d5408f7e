import type { ComponentProps } from "react";
import type * as Official from "@talkjs/react";
import type Talk from "talkjs";
import { Chatbox, Inbox, Popup, type ChatboxProps, type InboxProps, type PopupProps, type SessionError } from "../src";

declare const builder: Talk.ConversationBuilder;

describe("the box components' types", () => {
  it("accept every props object @talkjs/react's components accept", () => {
    expectTypeOf<ComponentProps<typeof Official.Chatbox>>().toExtend<ChatboxProps>();
    expectTypeOf<ComponentProps<typeof Official.Inbox>>().toExtend<InboxProps>();
    expectTypeOf<ComponentProps<typeof Official.Popup>>().toExtend<PopupProps>();
  });

  it("take every Talk.*Options field as a prop", () => {
    expectTypeOf<Talk.ChatboxOptions>().toExtend<Partial<ChatboxProps>>();
    expectTypeOf<Omit<Talk.InboxOptions, "selected">>().toExtend<InboxProps>();
    expectTypeOf<Talk.PopupOptions>().toExtend<Partial<PopupProps>>();
    <Chatbox conversationId="c" showChatHeader={false} theme="default" messageField={{ placeholder: "Say hi" }} />;
    <Inbox showFeedHeader={false} feedFilter={{ hasUnreadMessages: true }} />;
    <Popup conversationId="c" launcher="always" keepOpen show={false} />;
    // @ts-expect-error not a TalkJS option
    <Chatbox conversationId="c" showChatHeaderr />;
    // @ts-expect-error showChatHeader is a boolean
    <Chatbox conversationId="c" showChatHeader="no" />;
  });

  it("let conversationId and syncConversation exclude each other, and need one except on the Inbox", () => {
    <Chatbox conversationId={null} />;
    <Chatbox syncConversation={builder} />;
    <Chatbox syncConversation={(session) => session.getOrCreateConversation("c")} />;
    <Inbox />;
    // @ts-expect-error both conversationId and syncConversation
    <Chatbox conversationId="c" syncConversation={builder} />;
    // @ts-expect-error a Chatbox needs a conversation
    <Chatbox />;
    // @ts-expect-error a Popup needs a conversation
    <Popup />;
    // @ts-expect-error both conversationId and syncConversation
    <Inbox conversationId="c" syncConversation={builder} />;
    // @ts-expect-error the Inbox takes its conversation as conversationId, not as the selected option
    <Inbox selected="c" />;
  });

  it("give every box event as an on* prop with the SDK's payload", () => {
    <Chatbox
      conversationId="c"
      onSendMessage={(event) => expectTypeOf(event).toEqualTypeOf<Talk.SendMessageEvent>()}
      onCustomMessageAction={(event) => expectTypeOf(event).toEqualTypeOf<Talk.MessageActionEvent>()}
      onCustomConversationAction={(event) => expectTypeOf(event).toEqualTypeOf<Talk.ConversationActionEvent>()}
      onKeydown={(event) => expectTypeOf(event).toEqualTypeOf<Talk.KeyEvent>()}
      onFocus={() => {}}
      onError={(error) => expectTypeOf(error).toEqualTypeOf<SessionError>()}
    />;
    <Inbox
      onConversationSelected={(event) => expectTypeOf(event).toEqualTypeOf<Talk.ConversationSelectedEvent>()}
      onSelectConversation={(event) => expectTypeOf(event).toEqualTypeOf<Talk.SelectConversationEvent>()}
    />;
    <Popup conversationId="c" onOpen={() => {}} onClose={() => {}} />;
    // @ts-expect-error a Chatbox has no open event
    <Chatbox conversationId="c" onOpen={() => {}} />;
    // @ts-expect-error onSendMessage receives a SendMessageEvent
    <Chatbox conversationId="c" onSendMessage={(count: number) => count} />;
  });

  it("type the refs for useRef of the SDK's box, and element props only where there is an element", () => {
    expectTypeOf<{ current: Talk.Chatbox | undefined }>().toExtend<NonNullable<ChatboxProps["chatboxRef"]>>();
    expectTypeOf<{ current: Talk.Inbox | undefined }>().toExtend<NonNullable<InboxProps["inboxRef"]>>();
    expectTypeOf<{ current: Talk.Popup | undefined }>().toExtend<NonNullable<PopupProps["popupRef"]>>();
    <Chatbox conversationId="c" style={{ height: 500 }} className="chat" loadingComponent={<p>Loading</p>} />;
    <Inbox data-testid="inbox" aria-label="Messages" />;
    // @ts-expect-error a Popup renders no element
    <Popup conversationId="c" className="popup" />;
  });
});
