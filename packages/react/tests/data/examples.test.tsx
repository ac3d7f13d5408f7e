import { memo, useState } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { MessageSnapshot } from "@talkjs/core";
import { DataSession, useConversations, useMessages, useOnline, useSend, useTyping } from "../../src/data";
import { seededCore } from "./dataHarness";

// The README's "Live data" example as written, with the fake @talkjs/core passed as `core` instead of a token.
const core = seededCore();

function Chat({ userId }: { userId: string }) {
  const [conversationId, setConversationId] = useState<string>();
  return (
    <DataSession appId="APP_ID" userId={userId} core={core}>
      <ConversationList selected={conversationId} onSelect={setConversationId} />
      {conversationId && <MessageList conversationId={conversationId} />}
      {conversationId && <Composer conversationId={conversationId} />}
    </DataSession>
  );
}

function ConversationList(props: { selected?: string; onSelect: (id: string) => void }) {
  const { status, data: conversations, loadedAll, loadMore } = useConversations();
  if (status === "loading") return <p>Loading conversations…</p>;
  return (
    <nav>
      {conversations?.map((conversation) => (
        <button
          key={conversation.id}
          aria-pressed={conversation.id === props.selected}
          onClick={() => props.onSelect(conversation.id)}
        >
          {conversation.subject ?? conversation.id}
          {conversation.unreadMessageCount > 0 && <span className="badge">{conversation.unreadMessageCount}</span>}
        </button>
      ))}
      {!loadedAll && <button onClick={() => void loadMore()}>More conversations</button>}
    </nav>
  );
}

const MessageRow = memo(function MessageRow({ message }: { message: MessageSnapshot }) {
  const online = useOnline(message.sender?.id).data?.isConnected;
  return (
    <li>
      <b className={online ? "online" : undefined}>{message.sender?.name ?? "System"}</b> {message.plaintext}
    </li>
  );
});

function MessageList({ conversationId }: { conversationId: string }) {
  const { data: messages, pending, loadedAll, loadMore, resend, discard } = useMessages(conversationId);
  const { data: typing } = useTyping(conversationId);
  return (
    <section>
      {!loadedAll && <button onClick={() => void loadMore()}>Older messages</button>}
      <ol>
        {messages
          ?.slice()
          .reverse()
          .map((message) => (
            <MessageRow key={message.id} message={message} />
          ))}
        {pending.map((entry) => (
          <li key={entry.key} className={entry.status}>
            {entry.text}
            {entry.status === "failed" && (
              <>
                <button onClick={() => void resend(entry.key)}>Retry</button>
                <button onClick={() => discard(entry.key)}>Discard</button>
              </>
            )}
          </li>
        ))}
      </ol>
      {typing?.many && <p>Several people are typing…</p>}
      {typing && !typing.many && typing.users.length > 0 && (
        <p>{typing.users.map((user) => user.name).join(", ")} typing…</p>
      )}
    </section>
  );
}

function Composer({ conversationId }: { conversationId: string }) {
  const send = useSend();
  const [text, setText] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void send(conversationId, text);
        setText("");
      }}
    >
      <input value={text} onChange={(event) => setText(event.target.value)} aria-label="Message" />
      <button disabled={!text.trim()}>Send</button>
    </form>
  );
}

describe("the README's live data example", () => {
  it("lists conversations, shows a conversation's messages, typing, and a failed send to retry", async () => {
    core.setOnline("sam", true);
    render(<Chat userId="pete" />);
    await waitFor(() => expect(screen.getByRole("button", { name: /Order 1/ })).toBeTruthy());
    fireEvent.click(screen.getByRole("button", { name: /Order 1/ }));

    const list = await screen.findByRole("list");
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole("listitem")
          .map((item) => item.textContent),
      ).toEqual(["Sam Hello", "Sam Your order shipped"]),
    );
    await waitFor(() => expect(list.querySelector("b.online")).toBeTruthy());

    act(() => core.setTyping("c1", "sam", true));
    await screen.findByText("Sam typing…");

    core.failNextSend(new Error("offline"));
    fireEvent.change(screen.getByLabelText("Message"), { target: { value: "Thanks!" } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await screen.findByRole("button", { name: "Retry" });
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(within(list).getAllByRole("listitem").at(-1)?.textContent).toBe("Pete Thanks!"));
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });
});
