import { StrictMode, type ReactNode } from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import type Talk from "talkjs";
import { createFakeTalk, type FakeInbox, type FakePopup, type FakeTalk } from "@x/session-testing";
import { Chatbox, Inbox, Popup, Session, type SessionError } from "../src";
import { silenceExpectedRenderErrors } from "./harness";

const tick = (ms = 5) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
const calls = (talk: FakeTalk, method: string) => talk.boxCalls().filter((call) => call.method === method).length;

/** The first live box, once it is mounted. */
async function mountedBox(talk: FakeTalk) {
  await waitFor(() => expect(talk.liveBoxes()[0]?.mounted).toBe(true));
  return talk.liveBoxes()[0]!;
}

function InSession({ talk, userId = "pete", children }: { talk: FakeTalk; userId?: string; children: ReactNode }) {
  return (
    <Session appId="test-app" userId={userId} talk={talk}>
      {children}
    </Session>
  );
}

describe("<Chatbox>", () => {
  it("keeps one box and one select() through 100 parent re-renders with inline props", async () => {
    const talk = createFakeTalk();
    const view = (round: number) => (
      <InSession talk={talk}>
        <Chatbox
          conversationId="order-1"
          messageFilter={{ type: ["==", "UserMessage"] }}
          presence={{ visible: true, custom: { round: "same" } }}
          highlightedWords={["order"]}
          style={{ height: 300 + (round % 2) }}
          onSendMessage={() => round}
          onCustomMessageAction={() => round}
          onError={() => round}
        />
      </InSession>
    );
    const { rerender } = render(view(0));
    await mountedBox(talk);
    for (let round = 1; round <= 100; round++) rerender(view(round));
    await tick();

    expect(talk.boxes).toHaveLength(1);
    expect(talk.liveBoxes()).toHaveLength(1);
    expect(calls(talk, "select")).toBe(1);
    expect(calls(talk, "mount")).toBe(1);
    expect(calls(talk, "setMessageFilter")).toBe(1);
    expect(calls(talk, "setPresence")).toBe(1);
    expect(calls(talk, "setHighlightedWords")).toBe(1);
    expect(calls(talk, "onSendMessage")).toBe(1);
    expect(calls(talk, "onCustomMessageAction")).toBe(1);
  });

  it("selects a new conversationId on the same box, as a guest when asGuest changes", async () => {
    const talk = createFakeTalk();
    const view = (conversationId: string, asGuest?: boolean) => (
      <InSession talk={talk}>
        <Chatbox conversationId={conversationId} asGuest={asGuest} />
      </InSession>
    );
    const { rerender } = render(view("order-1"));
    const box = await mountedBox(talk);
    expect(box.conversationId).toBe("order-1");

    rerender(view("order-2"));
    await waitFor(() => expect(box.conversationId).toBe("order-2"));
    rerender(view("order-2", true));
    await waitFor(() => expect(box.asGuest).toBe(true));

    expect(talk.boxes).toHaveLength(1);
    expect(box.calls.filter((call) => call.method === "select").map((call) => call.args)).toEqual([
      ["order-1", { asGuest: false }],
      ["order-2", { asGuest: false }],
      ["order-2", { asGuest: true }],
    ]);
  });

  it("applies messageFilter, presence and highlightedWords with their setters, on the same box", async () => {
    const talk = createFakeTalk();
    const view = (words: string[], visible: boolean, type: "UserMessage" | "SystemMessage") => (
      <InSession talk={talk}>
        <Chatbox
          conversationId="order-1"
          highlightedWords={words}
          presence={{ visible }}
          messageFilter={{ type: ["==", type] }}
        />
      </InSession>
    );
    const { rerender } = render(view(["a"], true, "UserMessage"));
    const box = await mountedBox(talk);
    rerender(view(["b"], false, "SystemMessage"));
    await tick();

    expect(talk.boxes).toHaveLength(1);
    expect(box.highlightedWords).toEqual(["b"]);
    expect(box.presence).toEqual({ visible: false });
    expect(box.messageFilter).toEqual({ type: ["==", "SystemMessage"] });
    expect(calls(talk, "select")).toBe(1);
  });

  it("re-creates the box in the same element for an option TalkJS takes only at creation", async () => {
    const talk = createFakeTalk();
    const view = (showChatHeader: boolean) => (
      <InSession talk={talk}>
        <Chatbox conversationId="order-1" showChatHeader={showChatHeader} className="chat" />
      </InSession>
    );
    const { rerender, container } = render(view(true));
    const first = await mountedBox(talk);
    // The box mounts first; React shows its element (and drops the loading one) on the render that follows.
    await waitFor(() => expect(container.querySelector(".chat:not([style*='none'])")).toBe(first.container));
    const element = first.container;

    rerender(view(false));
    await waitFor(() => expect(talk.boxes[1]?.mounted).toBe(true));
    const second = talk.boxes[1]!;
    expect(first.isAlive).toBe(false);
    expect(talk.liveBoxes()).toEqual([second]);
    expect(talk.peakLiveBoxes()).toBe(1);
    expect(second.options).toMatchObject({ showChatHeader: false });
    expect(second.container).toBe(element);
    expect(second.conversationId).toBe("order-1");
  });

  it("moves to the new session on a user switch: same element, same conversation, old box destroyed first", async () => {
    const talk = createFakeTalk();
    const view = (userId: string) => (
      <InSession talk={talk} userId={userId}>
        <Chatbox conversationId="order-1" />
      </InSession>
    );
    const { rerender } = render(view("pete"));
    const first = await mountedBox(talk);
    const element = first.container;

    rerender(view("sam"));
    await waitFor(() => expect(talk.boxes[1]?.mounted).toBe(true));
    const second = talk.boxes[1]!;
    expect(first.isAlive).toBe(false);
    expect(first.session.isAlive).toBe(false);
    expect(second.session.me.id).toBe("sam");
    expect(second.container).toBe(element);
    expect(second.conversationId).toBe("order-1");
    expect(talk.peakLiveBoxes()).toBe(1);
  });

  it("destroys the box when it unmounts, and keeps the session", async () => {
    const talk = createFakeTalk();
    const view = (show: boolean) => <InSession talk={talk}>{show && <Chatbox conversationId="order-1" />}</InSession>;
    const { rerender } = render(view(true));
    const box = await mountedBox(talk);

    rerender(view(false));
    expect(box.isAlive).toBe(false);
    expect(talk.liveBoxes()).toHaveLength(0);
    await tick();
    expect(talk.liveSessions()).toHaveLength(1);
  });

  it("never has two live boxes in StrictMode and ends with one mounted", async () => {
    const talk = createFakeTalk();
    render(
      <StrictMode>
        <InSession talk={talk}>
          <Chatbox conversationId="order-1" />
        </InSession>
      </StrictMode>,
    );
    await mountedBox(talk);
    await tick();
    expect(talk.liveBoxes()).toHaveLength(1);
    expect(talk.liveBoxes()[0]!.mounted).toBe(true);
    expect(talk.peakLiveBoxes()).toBe(1);
  });

  it("never has two live boxes in StrictMode when the session is already ready", async () => {
    const talk = createFakeTalk();
    const view = (show: boolean) => (
      <StrictMode>
        <InSession talk={talk}>{show && <Chatbox conversationId="order-1" />}</InSession>
      </StrictMode>
    );
    const { rerender } = render(view(false));
    await waitFor(() => expect(talk.liveSessions()).toHaveLength(1));
    rerender(view(true));
    await mountedBox(talk);
    expect(talk.liveBoxes()).toHaveLength(1);
    expect(talk.peakLiveBoxes()).toBe(1);
  });

  it("calls the latest inline handler, through one SDK subscription", async () => {
    const talk = createFakeTalk();
    const seen: number[] = [];
    const view = (round: number) => (
      <InSession talk={talk}>
        <Chatbox conversationId="order-1" onSendMessage={() => seen.push(round)} />
      </InSession>
    );
    const { rerender } = render(view(1));
    const box = await mountedBox(talk);
    rerender(view(2));
    rerender(view(3));
    act(() => void talk.emitBoxEvent("sendMessage"));

    expect(seen).toEqual([3]);
    expect(box.callCount("onSendMessage")).toBe(1);
  });

  it("calls each event prop once per event in StrictMode", async () => {
    const talk = createFakeTalk();
    const onSendMessage = vi.fn();
    render(
      <StrictMode>
        <InSession talk={talk}>
          <Chatbox conversationId="order-1" onSendMessage={onSendMessage} />
        </InSession>
      </StrictMode>,
    );
    await mountedBox(talk);
    act(() => void talk.emitBoxEvent("sendMessage"));
    expect(onSendMessage).toHaveBeenCalledTimes(1);
  });

  it("calls syncConversation with the live session and selects its ConversationBuilder", async () => {
    const talk = createFakeTalk();
    const sessions: Talk.Session[] = [];
    render(
      <InSession talk={talk}>
        <Chatbox
          syncConversation={(session) => {
            sessions.push(session);
            return session.getOrCreateConversation("welcome");
          }}
        />
      </InSession>,
    );
    const box = await mountedBox(talk);
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((session) => session === (talk.liveSessions()[0] as Talk.Session | undefined))).toBe(true);
    expect(box.conversationId).toBe("welcome");
  });

  it("does not call a stable syncConversation again when the parent re-renders with the same props", async () => {
    const talk = createFakeTalk();
    const syncConversation = vi.fn((session: Talk.Session) => session.getOrCreateConversation("welcome"));
    const view = (round: number) => (
      <InSession talk={talk}>
        <Chatbox syncConversation={syncConversation} className="chat" data-round={round} />
      </InSession>
    );
    const { rerender } = render(view(0));
    await mountedBox(talk);
    const callsAtMount = syncConversation.mock.calls.length;
    for (let round = 1; round <= 10; round++) rerender(view(round));
    await tick();
    expect(syncConversation).toHaveBeenCalledTimes(callsAtMount);
    expect(calls(talk, "select")).toBe(1);
  });

  it("points chatboxRef at the live box, follows a re-creation and clears it on unmount", async () => {
    const talk = createFakeTalk();
    const ref: { current: Talk.Chatbox | undefined } = { current: undefined };
    function App({ header, show = true }: { header: boolean; show?: boolean }) {
      return (
        <InSession talk={talk}>
          {show && <Chatbox conversationId="order-1" showChatHeader={header} chatboxRef={ref} />}
        </InSession>
      );
    }
    const { rerender } = render(<App header />);
    const first = await mountedBox(talk);
    expect(ref.current).toBe(first);

    rerender(<App header={false} />);
    await waitFor(() => expect(talk.boxes[1]?.mounted).toBe(true));
    expect(ref.current).toBe(talk.boxes[1]);

    rerender(<App header={false} show={false} />);
    expect(ref.current).toBeUndefined();
  });

  it("shows loadingComponent, with the box element hidden, while the box mounts", async () => {
    const talk = createFakeTalk();
    talk.delayMounts(Infinity);
    const { container } = render(
      <InSession talk={talk}>
        <Chatbox conversationId="order-1" loadingComponent={<span>Loading chat…</span>} className="chat" />
      </InSession>,
    );
    expect(screen.getByText("Loading chat…")).toBeTruthy();
    await waitFor(() => expect(talk.liveBoxes()).toHaveLength(1));
    const [loading, boxElement] = container.querySelectorAll<HTMLElement>(".chat");
    expect(loading!.textContent).toBe("Loading chat…");
    expect(boxElement!.style.display).toBe("none");
    expect(talk.liveBoxes()[0]!.calls.find((call) => call.method === "mount")!.args).toEqual([boxElement]);
  });

  it("replaces loadingComponent with the box element, styled, once mounted", async () => {
    const talk = createFakeTalk();
    const { container } = render(
      <InSession talk={talk}>
        <Chatbox
          conversationId="order-1"
          loadingComponent={<span>Loading chat…</span>}
          className="chat"
          style={{ height: 500 }}
        />
      </InSession>,
    );
    const box = await mountedBox(talk);
    // React drops the loading element on the render after the mount.
    await waitFor(() => expect(screen.queryByText("Loading chat…")).toBeNull());
    expect(container.querySelectorAll(".chat")).toHaveLength(1);
    expect(box.container!.className).toBe("chat");
    expect(box.container!.style.cssText).toBe("height: 500px;");
  });

  it("puts data-* and aria-* attributes on the box's element, not into the TalkJS options", async () => {
    const talk = createFakeTalk();
    render(
      <InSession talk={talk}>
        <Chatbox conversationId="order-1" data-testid="chat" aria-label="Order chat" showChatHeader={false} />
      </InSession>,
    );
    const box = await mountedBox(talk);
    expect(screen.getByTestId("chat")).toBe(box.container);
    expect(box.container!.getAttribute("aria-label")).toBe("Order chat");
    expect(box.options).toEqual({ showChatHeader: false });
  });

  it("reports a failed mount or select to onError and to the session's error event as ui-failed", async () => {
    const talk = createFakeTalk();
    const boxErrors: SessionError[] = [];
    const sessionErrors: SessionError[] = [];
    talk.failNextMount(new Error("iframe blocked"));
    const view = (conversationId: string) => (
      <Session appId="test-app" userId="pete" talk={talk} onError={(error) => sessionErrors.push(error)}>
        <Chatbox conversationId={conversationId} onError={(error) => boxErrors.push(error)} />
      </Session>
    );
    const { rerender } = render(view("order-1"));
    await waitFor(() => expect(boxErrors).toHaveLength(1));
    expect(boxErrors[0]!.code).toBe("ui-failed");
    expect((boxErrors[0]!.cause as Error).message).toBe("iframe blocked");
    expect(sessionErrors).toEqual(boxErrors);

    // A new conversation builds the box again; this time select() fails.
    talk.failNextSelect(new Error("no such conversation"));
    rerender(view("order-2"));
    await waitFor(() => expect(boxErrors).toHaveLength(2));
    expect((boxErrors[1]!.cause as Error).message).toBe("no such conversation");
    expect(sessionErrors).toEqual(boxErrors);
  });

  it("says where it belongs when rendered outside a <Session>", () => {
    silenceExpectedRenderErrors();
    expect(() => render(<Chatbox conversationId="order-1" />)).toThrow(/<Chatbox> must be used inside <Session>/);
  });
});

describe("<Inbox>", () => {
  it("mounts with no conversation, applies feedFilter in place and selects a conversation on the same box", async () => {
    const talk = createFakeTalk();
    const view = (category: string, conversationId?: string) => (
      <InSession talk={talk}>
        <Inbox conversationId={conversationId} feedFilter={{ custom: { category: ["==", category] } }} />
      </InSession>
    );
    const { rerender } = render(view("support"));
    const box = (await mountedBox(talk)) as FakeInbox;
    expect(box.kind).toBe("inbox");
    expect(box.callCount("select")).toBe(0);

    rerender(view("sales"));
    rerender(view("sales", "order-1"));
    await waitFor(() => expect(box.conversationId).toBe("order-1"));
    expect(box.feedFilter).toEqual({ custom: { category: ["==", "sales"] } });
    expect(talk.boxes).toHaveLength(1);
  });

  it("calls onConversationSelected with the SDK's event and inboxRef holds the box", async () => {
    const talk = createFakeTalk();
    const selected: (string | undefined)[] = [];
    const inboxRef: { current: Talk.Inbox | undefined } = { current: undefined };
    render(
      <InSession talk={talk}>
        <Inbox
          conversationId="order-1"
          inboxRef={inboxRef}
          onConversationSelected={(event) => selected.push(event.conversation?.id)}
        />
      </InSession>,
    );
    const box = await mountedBox(talk);
    expect(inboxRef.current).toBe(box);
    await waitFor(() => expect(selected).toContain("order-1"));
  });
});

describe("<Popup>", () => {
  it("renders nothing, opens by default and follows show with show()/hide() on the same box", async () => {
    const talk = createFakeTalk();
    const view = (show?: boolean) => (
      <InSession talk={talk}>
        <Popup conversationId="order-1" show={show} />
      </InSession>
    );
    const { rerender, container } = render(view());
    const box = (await mountedBox(talk)) as FakePopup;
    expect(container.innerHTML).toBe("");
    expect(box.calls.find((call) => call.method === "mount")!.args).toEqual([{ show: true }]);
    expect(box.shown).toBe(true);

    rerender(view(false));
    expect(box.shown).toBe(false);
    rerender(view(true));
    expect(box.shown).toBe(true);
    expect(talk.boxes).toHaveLength(1);
    expect(box.callCount("hide")).toBe(1);
    expect(box.callCount("show")).toBe(1);
  });

  it("mounts closed with show={false} and calls onOpen/onClose and popupRef", async () => {
    const talk = createFakeTalk();
    const events: string[] = [];
    const popupRef: { current: Talk.Popup | undefined } = { current: undefined };
    const { unmount } = render(
      <InSession talk={talk}>
        <Popup
          conversationId="order-1"
          show={false}
          popupRef={popupRef}
          onOpen={() => events.push("open")}
          onClose={() => events.push("close")}
        />
      </InSession>,
    );
    const box = (await mountedBox(talk)) as FakePopup;
    expect(box.shown).toBe(false);
    expect(popupRef.current).toBe(box);
    act(() => void talk.emitBoxEvent("open"));
    act(() => void talk.emitBoxEvent("close"));
    expect(events).toEqual(["open", "close"]);

    unmount();
    expect(box.isAlive).toBe(false);
    expect(popupRef.current).toBeUndefined();
  });
});
