// @talkjs/react's README examples and documented component usage, with only the import changed from
// "@talkjs/react" to our package. `talkjs` is mocked with the fake, so `import Talk from "talkjs"` and <Session>'s
// default SDK import both reach it, as they would reach the real SDK.
import { useCallback, useRef, useState } from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import Talk from "talkjs";
import type { FakeTalk } from "@x/session-testing";
import { Session, Chatbox, Inbox, Popup } from "../src";

vi.mock("talkjs", async () => {
  const { createFakeTalk } = await import("@x/session-testing");
  return { default: createFakeTalk() };
});
const fake = Talk as unknown as FakeTalk;
const liveBox = async () => {
  await waitFor(() => expect(fake.liveBoxes()[0]?.mounted).toBe(true));
  return fake.liveBoxes()[0]!;
};

describe("@talkjs/react's README examples, with only the import changed", () => {
  it("add an existing user and conversation", async () => {
    function ChatComponent() {
      return (
        <Session appId="<APP_ID>" userId="sample_user_alice">
          <Chatbox conversationId="sample_conversation" style={{ width: "100%", height: "500px" }}></Chatbox>
        </Session>
      );
    }
    render(<ChatComponent />);
    const box = await liveBox();
    expect(box.kind).toBe("chatbox");
    expect(box.session.me.id).toBe("sample_user_alice");
    expect(box.conversationId).toBe("sample_conversation");
    expect(box.container!.style.height).toBe("500px");
  });

  it("sync a user and conversation", async () => {
    function ChatComponent() {
      // The README writes `() => return new Talk.User(...)`, which does not parse; the block body is what it means.
      const syncUser = useCallback(() => {
        return new Talk.User({
          id: "nina",
          name: "Nina",
          email: "nina@example.com",
          photoUrl: "https://talkjs.com/new-web/avatar-7.jpg",
          welcomeMessage: "Hi!",
          role: "default",
        });
      }, []);

      const syncConversation = useCallback((session: Talk.Session) => {
        // JavaScript SDK code here
        const conversation = session.getOrCreateConversation("welcome");

        const other = new Talk.User({
          id: "frank",
          name: "Frank",
          email: "frank@example.com",
          photoUrl: "https://talkjs.com/new-web/avatar-8.jpg",
          welcomeMessage: "Hey, how can I help?",
          role: "default",
        });
        conversation.setParticipant(session.me);
        conversation.setParticipant(other);

        return conversation;
      }, []);

      return (
        <Session appId="<APP_ID>" syncUser={syncUser}>
          <Chatbox syncConversation={syncConversation} style={{ width: "100%", height: "500px" }}></Chatbox>
        </Session>
      );
    }
    render(<ChatComponent />);
    const box = await liveBox();
    expect(box.session.me.name).toBe("Nina");
    expect(box.conversationId).toBe("welcome");
  });
});

describe("@talkjs/react's documented component usage, with only the import changed", () => {
  it("a Chatbox with a ref, a loading component, options, setters and events", async () => {
    const sent: string[] = [];
    const actions: string[] = [];
    function Chat() {
      const chatboxRef = useRef<Talk.Chatbox>(undefined);
      const [words, setWords] = useState(["order"]);
      return (
        <Session appId="<APP_ID>" userId="sample_user_alice">
          <Chatbox
            conversationId="sample_conversation"
            chatboxRef={chatboxRef}
            loadingComponent={<span>Loading…</span>}
            className="chat-container"
            showChatHeader={false}
            messageField={{ placeholder: "Write a reply" }}
            highlightedWords={words}
            onSendMessage={(event) => sent.push(event.conversation.id)}
            onCustomMessageAction={(event) => actions.push(event.action)}
          />
          <button onClick={() => setWords(["invoice"])}>highlight</button>
          <button onClick={() => chatboxRef.current?.messageField.setText("Hello")}>prefill</button>
        </Session>
      );
    }
    render(<Chat />);
    expect(screen.getByText("Loading…")).toBeTruthy();
    const box = await liveBox();
    expect(box.options).toMatchObject({ showChatHeader: false, messageField: { placeholder: "Write a reply" } });

    fireEvent.click(screen.getByText("highlight"));
    expect(box.highlightedWords).toEqual(["invoice"]);
    fireEvent.click(screen.getByText("prefill"));
    await expect(box.messageField.getText()).resolves.toBe("Hello");
    act(() => void fake.emitBoxEvent("sendMessage"));
    act(() => void fake.emitBoxEvent("customMessageAction", { action: "reply" }));
    expect(sent).toEqual(["sample_conversation"]);
    expect(actions).toEqual(["reply"]);
    expect(fake.liveBoxes()).toEqual([box]);
  });

  it("an Inbox with a feed filter, a selected conversation and inboxRef", async () => {
    const selected: (string | undefined)[] = [];
    function Messages() {
      const inboxRef = useRef<Talk.Inbox>(undefined);
      return (
        <Session appId="<APP_ID>" userId="sample_user_alice">
          <Inbox
            inboxRef={inboxRef}
            conversationId="sample_conversation"
            feedFilter={{ custom: { category: ["==", "support"] } }}
            onConversationSelected={(event) => selected.push(event.conversation?.id)}
            style={{ height: "600px" }}
          />
        </Session>
      );
    }
    render(<Messages />);
    const box = await liveBox();
    expect(box.kind).toBe("inbox");
    await waitFor(() => expect(selected).toContain("sample_conversation"));
  });

  it("a Popup opened and closed with show, and popupRef", async () => {
    function Support() {
      const popupRef = useRef<Talk.Popup>(undefined);
      const [show, setShow] = useState(false);
      return (
        <Session appId="<APP_ID>" userId="sample_user_alice">
          <Popup conversationId="sample_conversation" show={show} popupRef={popupRef} launcher="never" />
          <button onClick={() => setShow(!show)}>toggle</button>
        </Session>
      );
    }
    render(<Support />);
    const box = await liveBox();
    expect(box.kind === "popup" && box.shown).toBe(false);
    fireEvent.click(screen.getByText("toggle"));
    expect(box.kind === "popup" && box.shown).toBe(true);
    fireEvent.click(screen.getByText("toggle"));
    expect(box.kind === "popup" && box.shown).toBe(false);
    expect(fake.boxes.filter((each) => each.kind === "popup")).toHaveLength(1);
  });
});
