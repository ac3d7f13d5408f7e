import { memo, StrictMode, useState } from "react";
import { act, fireEvent, render, renderHook, screen, waitFor } from "@testing-library/react";
import type { MessageSnapshot } from "@talkjs/core";
import {
  DataSession,
  useConversation,
  useConversations,
  useDataSession,
  useDataSessionController,
  useDataSessionState,
  useMessages,
  useOnline,
  useParticipants,
  useSend,
  useTyping,
  useUser,
} from "../../src/data";
import { silenceExpectedRenderErrors } from "../harness";
import { DataStateProbe, seededCore, tick } from "./dataHarness";

type Core = ReturnType<typeof seededCore>;

const inSession =
  (core: Core, userId = "pete") =>
  ({ children }: { children: React.ReactNode }) => (
    <DataSession appId="test-app" userId={userId} core={core}>
      {children}
    </DataSession>
  );

describe("data hooks", () => {
  it.each<[string, () => unknown]>([
    ["useDataSession", () => useDataSession()],
    ["useDataSessionState", () => useDataSessionState()],
    ["useDataSessionController", () => useDataSessionController()],
    ["useConversations", () => useConversations()],
    ["useConversation", () => useConversation("c1")],
    ["useMessages", () => useMessages("c1")],
    ["useParticipants", () => useParticipants("c1")],
    ["useTyping", () => useTyping("c1")],
    ["useUser", () => useUser("sam")],
    ["useOnline", () => useOnline("sam")],
    ["useSend", () => useSend()],
  ])("%s throws outside a <DataSession>, naming it", (name, hook) => {
    silenceExpectedRenderErrors();
    expect(() => renderHook(hook)).toThrow(`${name}() must be used inside <DataSession>`);
  });

  it("gives the live TalkJS session once ready", async () => {
    const core = seededCore();
    const { result } = renderHook(() => useDataSession(), { wrapper: inSession(core) });
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current?.currentUser.id).toBe("pete"));
  });

  it("is idle for an undefined id and starts no TalkJS subscription", async () => {
    const core = seededCore();
    const { result } = renderHook(
      () => ({
        messages: useMessages(undefined),
        conversation: useConversation(undefined),
        participants: useParticipants(undefined),
        typing: useTyping(undefined),
        user: useUser(undefined),
        online: useOnline(undefined),
        state: useDataSessionState(),
      }),
      { wrapper: inSession(core) },
    );
    await waitFor(() => expect(result.current.state.status).toBe("ready"));
    await tick();
    const { messages, conversation, participants, typing, user, online } = result.current;
    for (const query of [messages, conversation, participants, typing, user, online])
      expect(query).toMatchObject({ status: "idle", data: undefined, loadedAll: false, error: undefined });
    expect(messages.pending).toEqual([]);
    expect(core.subscriptionCount()).toBe(0);
    await expect(messages.loadMore()).resolves.toBeUndefined();
  });

  it("follows an id that appears later and lets its subscription go when it is gone", async () => {
    const core = seededCore();
    const { result, rerender } = renderHook(({ id }: { id: string | undefined }) => useConversation(id), {
      wrapper: inSession(core),
      initialProps: { id: undefined as string | undefined },
    });
    rerender({ id: "c1" });
    await waitFor(() => expect(result.current.data?.subject).toBe("Order 1"));
    expect(core.subscriptionCount()).toBe(1);

    rerender({ id: undefined });
    await tick();
    expect(result.current.status).toBe("idle");
    expect(core.subscriptionCount()).toBe(0);
  });

  it("serves each live query through TalkJS's snapshots", async () => {
    const core = seededCore();
    core.setOnline("sam", true);
    const { result } = renderHook(
      () => ({
        conversations: useConversations(),
        conversation: useConversation("c1"),
        messages: useMessages("c1"),
        participants: useParticipants("c1"),
        typing: useTyping("c1"),
        user: useUser("sam"),
        online: useOnline("sam"),
      }),
      { wrapper: inSession(core) },
    );
    await waitFor(() => expect(Object.values(result.current).every((query) => query.status === "ready")).toBe(true));
    const { conversations, conversation, messages, participants, user, online } = result.current;
    expect(conversations.data?.map((each) => each.id).sort()).toEqual(["c1", "c2"]);
    expect(conversation.data?.subject).toBe("Order 1");
    expect(messages.data?.map((message) => message.plaintext)).toEqual(["Your order shipped", "Hello"]);
    expect(participants.data?.map((each) => each.user.id).sort()).toEqual(["maria", "pete", "sam"]);
    expect(user.data?.name).toBe("Sam");
    expect(online.data?.isConnected).toBe(true);

    act(() => core.setTyping("c1", "sam", true));
    await waitFor(() => expect(result.current.typing.data).toMatchObject({ many: false }));
    const typing = result.current.typing.data;
    expect(typing && !typing.many && typing.users.map((each) => each.id)).toEqual(["sam"]);
  });

  it("loads more messages with loadMore, beyond TalkJS's first page", async () => {
    const core = seededCore();
    for (let index = 0; index < 40; index++) core.publishMessage("c2", { senderId: "sam", text: `m${index}` });
    const { result } = renderHook(() => useMessages("c2"), { wrapper: inSession(core) });
    await waitFor(() => expect(result.current.data).toHaveLength(30));
    const { loadMore } = result.current;
    expect(result.current.loadedAll).toBe(false);

    await act(() => result.current.loadMore(5));
    expect(result.current.data).toHaveLength(35);
    await act(() => result.current.loadMore());
    expect(result.current.data).toHaveLength(40);
    expect(result.current.loadedAll).toBe(true);
    // Stable for the query's life: an effect that depends on it does not run again.
    expect(result.current.loadMore).toBe(loadMore);
  });

  it("shares one TalkJS subscription among 100 components watching one conversation", async () => {
    const core = seededCore();
    const rendered: number[] = [];
    function Watcher({ index }: { index: number }) {
      const { data } = useMessages("c1", { pageSize: 30 });
      if (data) rendered[index] = data.length;
      return null;
    }
    render(
      <StrictMode>
        <DataSession appId="test-app" userId="pete" core={core}>
          {Array.from({ length: 100 }, (_, index) => (
            <Watcher key={index} index={index} />
          ))}
        </DataSession>
      </StrictMode>,
    );
    await waitFor(() => expect(rendered.filter((length) => length === 2)).toHaveLength(100));
    await tick();
    expect(core.subscriptionCount()).toBe(1);
    expect(core.sessions).toHaveLength(1);
  });

  it("re-renders the list once for an incoming message with 100 rows mounted, and no unchanged row", async () => {
    const core = seededCore();
    for (let index = 0; index < 98; index++) core.publishMessage("c1", { senderId: "sam", text: `m${index}` });
    const renders = { list: 0, rows: new Map<string, number>() };
    const Row = memo(function Row({ message }: { message: MessageSnapshot }) {
      renders.rows.set(message.id, (renders.rows.get(message.id) ?? 0) + 1);
      return <li>{message.plaintext}</li>;
    });
    function List() {
      renders.list++;
      const { data } = useMessages("c1", { pageSize: 100 });
      return (
        <ul>
          {data?.map((message) => (
            <Row key={message.id} message={message} />
          ))}
        </ul>
      );
    }
    render(
      <DataSession appId="test-app" userId="pete" core={core}>
        <List />
      </DataSession>,
    );
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(100));
    await tick();
    const before = { list: renders.list, rows: new Map(renders.rows) };

    act(() => void core.publishMessage("c1", { senderId: "sam", text: "Out for delivery" }));
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(101));
    await tick();

    expect(renders.list - before.list).toBe(1);
    expect(before.rows.size).toBe(100);
    for (const [id, count] of before.rows) expect(renders.rows.get(id)).toBe(count);
    expect(renders.rows.size).toBe(101);
  });

  it("shows a sent message at once as pending, then as TalkJS's message", async () => {
    const core = seededCore();
    core.latencyMs = 20;
    function Conversation() {
      const { data, pending } = useMessages("c2");
      const send = useSend();
      const [text, setText] = useState("");
      return (
        <>
          <ul aria-label="messages">
            {data?.map((message) => (
              <li key={message.id}>{message.plaintext}</li>
            ))}
            {pending.map((entry) => (
              <li key={entry.key}>{`${entry.text} (${entry.status})`}</li>
            ))}
          </ul>
          <input aria-label="message" value={text} onChange={(event) => setText(event.target.value)} />
          <button onClick={() => void send("c2", text)}>Send</button>
        </>
      );
    }
    render(
      <DataSession appId="test-app" userId="pete" core={core}>
        <DataStateProbe />
        <Conversation />
      </DataSession>,
    );
    await waitFor(() => expect(screen.getByTestId("data-state").textContent).toBe("ready:pete"));
    await tick(30);

    fireEvent.change(screen.getByLabelText("message"), { target: { value: "On my way" } });
    fireEvent.click(screen.getByText("Send"));
    expect(screen.getByText("On my way (sending)")).toBeTruthy();

    await waitFor(() => expect(screen.queryByText("On my way (sending)")).toBeNull());
    expect(screen.getAllByText("On my way")).toHaveLength(1);
  });

  it("keeps a failed send for resend or discard", async () => {
    const core = seededCore();
    const { result } = renderHook(() => ({ messages: useMessages("c2"), send: useSend() }), {
      wrapper: inSession(core),
    });
    await waitFor(() => expect(result.current.messages.status).toBe("ready"));
    const send = result.current.send;
    const { loadMore, resend, discard } = result.current.messages;

    core.failNextSend(new Error("network"));
    await act(() => result.current.send("c2", "first"));
    expect(result.current.messages.pending).toMatchObject([{ text: "first", status: "failed" }]);
    const key = result.current.messages.pending[0]!.key;

    await act(() => result.current.messages.resend(key));
    await waitFor(() => expect(result.current.messages.data?.map((message) => message.plaintext)).toEqual(["first"]));
    expect(result.current.messages.pending).toEqual([]);

    core.failNextSend();
    await act(() => result.current.send("c2", "second"));
    act(() => result.current.messages.discard(result.current.messages.pending[0]!.key));
    expect(result.current.messages.pending).toEqual([]);
    // Stable: a memoised composer or row never re-renders for them.
    expect(result.current.send).toBe(send);
    expect(result.current.messages.loadMore).toBe(loadMore);
    expect(result.current.messages.resend).toBe(resend);
    expect(result.current.messages.discard).toBe(discard);
  });

  it("starts every query over on the new user's session after a user switch", async () => {
    const core = seededCore();
    let userId = "pete";
    const Wrapper = ({ children }: { children: React.ReactNode }) => (
      <DataSession appId="test-app" userId={userId} core={core}>
        {children}
      </DataSession>
    );
    const { result, rerender } = renderHook(() => useConversations(), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.data).toHaveLength(2));

    userId = "maria";
    rerender();
    await waitFor(() => expect(result.current.data?.map((each) => each.id)).toEqual(["c1"]));
    expect(core.liveSessions()).toHaveLength(1);
    expect(core.subscriptionCount()).toBe(1);
  });
});
