import { createDataSession, type LiveQueryState, type MessagesState } from "@x/session-core/data";
import type { FakeCore } from "@x/session-testing";
import { render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  conversationsStore,
  conversationStore,
  createDataSessionStore,
  messagesStore,
  onlineStore,
  participantsStore,
  typingStore,
  userStore,
  type DataSessionState,
  type MessagesStore,
} from "../../src/lib/data/index";
import MessagesHarness from "./harness/MessagesHarness.svelte";
import { appId, seededCore, settle } from "./helpers";

let core: FakeCore;
beforeEach(() => {
  vi.useFakeTimers();
  core = seededCore();
});
afterEach(() => vi.useRealTimers());

/** Subscribes to `store`, keeping every state it runs with. */
function follow<State>(store: { subscribe(run: (state: State) => void): () => void }) {
  const seen: State[] = [];
  const unsubscribe = store.subscribe((state) => seen.push(state));
  return { seen, latest: () => seen.at(-1)!, unsubscribe };
}

describe("createDataSessionStore", () => {
  it("calls run at once, connects with its first subscriber and releases after the last", async () => {
    const talk = createDataSessionStore({ appId, userId: "pete", core });
    await settle();
    expect(core.sessions).toHaveLength(0);
    const first = follow<DataSessionState>(talk);
    const second = follow<DataSessionState>(talk);
    expect(first.seen.map((state) => state.status)).toEqual(["loading"]);
    await settle();
    expect(first.latest().status).toBe("ready");
    expect(core.liveSessions()).toHaveLength(1);
    first.unsubscribe();
    await settle(100);
    expect(core.liveSessions()).toHaveLength(1);
    second.unsubscribe();
    await settle();
    expect(core.liveSessions()).toHaveLength(0);
    expect(talk.controller.getState().status).toBe("idle");
    talk.destroy();
  });

  it("wraps a controller passed in", () => {
    const controller = createDataSession({ appId, userId: "pete", core });
    const talk = createDataSessionStore({ controller });
    expect(talk.controller).toBe(controller);
    controller.destroy();
  });
});

describe("the query stores", () => {
  it("give every query's state and start it with their first subscriber", async () => {
    core.setOnline("sam", true);
    const talk = createDataSessionStore({ appId, userId: "pete", core });
    const stores = {
      conversations: follow(conversationsStore(talk)),
      conversation: follow(conversationStore(talk, "c1")),
      participants: follow(participantsStore(talk, "c1")),
      typing: follow(typingStore(talk, "c1")),
      user: follow(userStore(talk, "sam")),
      online: follow(onlineStore(talk, "sam")),
    };
    await settle();
    expect(core.sessions).toHaveLength(1);
    expect(
      stores.conversations
        .latest()
        .data?.map((item) => item.id)
        .sort(),
    ).toEqual(["c1", "c2"]);
    expect(stores.conversation.latest().data?.subject).toBe("Order 1");
    expect(stores.participants.latest().data).toHaveLength(2);
    expect(stores.typing.latest().status).toBe("ready");
    expect(stores.user.latest().data?.name).toBe("Sam");
    expect(stores.online.latest().data?.isConnected).toBe(true);
    for (const store of Object.values(stores)) store.unsubscribe();
    await settle();
    expect(core.subscriptionCount()).toBe(0);
    expect(core.liveSessions()).toHaveLength(0);
    talk.destroy();
  });

  it("are idle with no subscription and no session for an undefined id", async () => {
    const talk = createDataSessionStore({ appId, userId: "pete", core });
    const conversation = follow(conversationStore(talk, undefined));
    const messages = follow<MessagesState>(messagesStore(talk, undefined));
    await settle();
    expect(conversation.seen).toEqual([expect.objectContaining({ status: "idle", data: undefined })]);
    expect(messages.latest().pending).toEqual([]);
    expect(core.sessions).toHaveLength(0);
    expect(core.subscriptionCount()).toBe(0);
    await expect(messagesStore(talk, undefined).loadMore()).resolves.toBeUndefined();
    await expect(messagesStore(talk, undefined).send("Hi")).resolves.toBeUndefined();
    talk.destroy();
  });

  it("share one TalkJS subscription among stores of the same arguments", async () => {
    const talk = createDataSessionStore({ appId, userId: "pete", core });
    const followers = Array.from({ length: 20 }, () => follow(messagesStore(talk, "c1")));
    await settle();
    expect(core.subscriptionCount()).toBe(1);
    expect(new Set(followers.map((follower) => follower.latest()))).toHaveProperty("size", 1);
    for (const follower of followers) follower.unsubscribe();
    talk.destroy();
  });

  it("loadMore grows the window until TalkJS has no more", async () => {
    const talk = createDataSessionStore({ appId, userId: "pete", core });
    const store = messagesStore(talk, "c1");
    const messages = follow<MessagesState>(store);
    await settle();
    expect(messages.latest().data).toHaveLength(30);
    const loaded = store.loadMore(20);
    await settle();
    await loaded;
    expect(messages.latest().data).toHaveLength(40);
    expect(messages.latest().loadedAll).toBe(true);
    messages.unsubscribe();
    talk.destroy();
  });

  it("carry conversationsStore's loadMore", async () => {
    core.seed({
      conversations: Array.from({ length: 30 }, (_, index) => ({ id: `x${index}`, participants: ["pete"] })),
    });
    const talk = createDataSessionStore({ appId, userId: "pete", core });
    const store = conversationsStore(talk);
    const conversations = follow<LiveQueryState<unknown[]>>(store);
    await settle();
    expect(conversations.latest().data).toHaveLength(20);
    const loaded = store.loadMore();
    await settle();
    await loaded;
    expect(conversations.latest().data).toHaveLength(32);
    expect(conversations.latest().loadedAll).toBe(true);
    conversations.unsubscribe();
    talk.destroy();
  });
});

describe("sending through a messages store in a component", () => {
  it("shows the message as pending at once, then in the messages once TalkJS has it", async () => {
    let messages!: MessagesStore;
    render(MessagesHarness, { core, onMessages: (store: MessagesStore) => (messages = store) });
    await settle();
    expect(screen.getByTestId("latest").textContent).toBe("message 40");
    const sent = messages.send("On my way");
    await Promise.resolve();
    await vi.waitFor(() => expect(screen.getByTestId("pending").textContent).toBe("sending:On my way"));
    await settle();
    await expect(sent).resolves.toHaveProperty("id");
    await settle();
    expect(screen.getByTestId("pending").textContent).toBe("");
    expect(screen.getByTestId("latest").textContent).toBe("On my way");
  });

  it("keeps a failed send for resend or discard", async () => {
    let messages!: MessagesStore;
    render(MessagesHarness, { core, onMessages: (store: MessagesStore) => (messages = store) });
    await settle();
    core.failNextSend(new Error("offline"));
    const first = messages.send("First");
    await settle();
    await expect(first).resolves.toBeUndefined();
    core.failNextSend(new Error("offline"));
    const second = messages.send("Second");
    await settle();
    await expect(second).resolves.toBeUndefined();
    expect(screen.getByTestId("pending").textContent).toBe("failed:First,failed:Second");

    let pending: MessagesState["pending"] = [];
    messages.subscribe((state) => (pending = state.pending))();
    messages.discard(pending[1]!.key);
    const resent = messages.resend(pending[0]!.key);
    await settle();
    await expect(resent).resolves.toBeDefined();
    await settle();
    expect(screen.getByTestId("pending").textContent).toBe("");
    expect(screen.getByTestId("latest").textContent).toBe("First");
  });
});
