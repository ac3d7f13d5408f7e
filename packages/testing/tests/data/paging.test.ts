import type { MessageSnapshot } from "@talkjs/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFakeCore, type FakeSeedMessage } from "../../src/index.js";
import { appId, seededCore, sessionWithTokens, settle } from "./harness.js";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function messages(count: number): FakeSeedMessage[] {
  return Array.from({ length: count }, (_, index) => ({ senderId: "sam", text: `message ${index + 1}` }));
}

function texts(list: readonly MessageSnapshot[] | null | undefined): string[] {
  return (list ?? []).map((message) => message.plaintext);
}

/** pete in c1 with `count` messages (oldest first), and a live messages subscription. */
async function messageWindow(count: number, latencyMs = 0) {
  const core = seededCore({ latencyMs });
  core.addConversation({ id: "c1", participants: [], messages: messages(count) });
  const session = sessionWithTokens(core);
  const seen: (readonly MessageSnapshot[] | null)[] = [];
  const subscription = session.conversation("c1").subscribeMessages((list) => seen.push(list));
  await settle(latencyMs);
  return { core, session, subscription, seen };
}

describe("paged windows", () => {
  it("starts with TalkJS's 30 most recent messages, newest first", async () => {
    const { subscription } = await messageWindow(75);
    expect(subscription.state).toMatchObject({ type: "active", loadedAll: false });
    const list = subscription.state.type === "active" ? subscription.state.latestSnapshot : null;
    expect(list).toHaveLength(30);
    expect(texts(list)[0]).toBe("message 75");
    expect(texts(list)[29]).toBe("message 46");
  });

  it("loads 30 more by default and up to 100 per call; more is refused", async () => {
    const { subscription } = await messageWindow(250);
    const more = subscription.loadMore();
    await settle();
    await more;
    expect(subscription.state.type === "active" && subscription.state.latestSnapshot).toHaveLength(60);

    const hundred = subscription.loadMore(100);
    await settle();
    await hundred;
    expect(subscription.state.type === "active" && subscription.state.latestSnapshot).toHaveLength(160);

    await expect(subscription.loadMore(101)).rejects.toThrow(/between 1 and 100/);
    await expect(subscription.loadMore(0)).rejects.toThrow(RangeError);
    const rest = subscription.loadMore(100);
    await settle();
    await rest;
    expect(subscription.state).toMatchObject({ loadedAll: true });
  });

  it("counts a second loadMore from what is loaded: loadMore(5) then loadMore(10) loads 10, not 15", async () => {
    const { subscription, seen } = await messageWindow(100, 10);
    const first = subscription.loadMore(5);
    const second = subscription.loadMore(10);
    await settle(10);
    await Promise.all([first, second]);
    expect(seen.at(-1)).toHaveLength(40);
    expect(seen).toHaveLength(2);
  });

  it("drops loadMore silently before the subscription is active", async () => {
    const core = seededCore({ latencyMs: 50 });
    core.addConversation({ id: "c1", participants: [], messages: messages(40) });
    const session = sessionWithTokens(core);
    const subscription = session.conversation("c1").subscribeMessages();
    await expect(subscription.loadMore(10)).resolves.toBeUndefined();
    await settle(50);
    expect(subscription.state.type === "active" && subscription.state.latestSnapshot).toHaveLength(30);
  });

  it("grows the window with every new message", async () => {
    const { core, subscription } = await messageWindow(40);
    core.publishMessage("c1", { senderId: "sam", text: "new" });
    await settle();
    const list = subscription.state.type === "active" ? subscription.state.latestSnapshot : null;
    expect(list).toHaveLength(31);
    expect(texts(list)[0]).toBe("new");
  });

  it("shrinks every window back to the first page after a reconnect", async () => {
    const { core, subscription, seen } = await messageWindow(100);
    const more = subscription.loadMore(50);
    await settle();
    await more;
    expect(seen.at(-1)).toHaveLength(80);

    core.disconnect();
    core.publishMessage("c1", { senderId: "sam", text: "while offline" });
    await settle(1000);
    expect(seen.at(-1)).toHaveLength(80);
    expect(core.networkUp).toBe(false);

    core.reconnect();
    await settle();
    expect(seen.at(-1)).toHaveLength(30);
    expect(texts(seen.at(-1))[0]).toBe("while offline");
    expect(subscription.state.type).toBe("active");
  });

  it("loses a loadMore the connection dropped under: it resolves after the reconnect with the first page", async () => {
    const { core, subscription, seen } = await messageWindow(100, 20);
    const more = subscription.loadMore(50);
    core.disconnect();
    await settle(100);
    let settled = false;
    void more.then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);

    core.reconnect();
    await settle(20);
    expect(settled).toBe(true);
    expect(seen.at(-1)).toHaveLength(30);
  });

  it("queues requests while offline and answers them after the reconnect", async () => {
    vi.useRealTimers();
    const core = seededCore();
    const session = sessionWithTokens(core);
    await session.conversation("c1").get();
    core.disconnect();
    let sent = false;
    const sending = session
      .conversation("c1")
      .send("queued")
      .then(() => (sent = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sent).toBe(false);
    core.reconnect();
    await sending;
    expect(sent).toBe(true);
  });

  it("pages participants by 10 (up to 50 per call), most recently joined first", async () => {
    const core = createFakeCore();
    const others = Array.from({ length: 70 }, (_, index) => `user-${index + 1}`);
    core.addConversation({ id: "big", participants: ["pete"], createdAt: 0 });
    others.forEach((id, index) => core.addConversation({ id: "big", participants: [id], createdAt: index + 1 }));
    const session = sessionWithTokens(core);
    const subscription = session.conversation("big").subscribeParticipants();
    await settle();
    const ids = () =>
      subscription.state.type === "active" ? (subscription.state.latestSnapshot ?? []).map((p) => p.user.id) : [];
    expect(ids()).toHaveLength(10);
    await expect(subscription.loadMore(51)).rejects.toThrow(/between 1 and 50/);
    const more = subscription.loadMore(50);
    await settle();
    await more;
    expect(ids()).toHaveLength(60);
    expect(subscription.state).toMatchObject({ loadedAll: false });
  });

  it("pages conversations by 20 (up to 30 per call), most recent activity first, with filters", async () => {
    const core = createFakeCore();
    vi.setSystemTime(1_000_000);
    for (let index = 1; index <= 45; index += 1) {
      core.addConversation({
        id: `c${index}`,
        participants: ["pete"],
        custom: { kind: index % 2 === 0 ? "even" : "odd" },
        messages: [{ senderId: "sam", text: `hi ${index}`, createdAt: 2_000_000 + index }],
      });
    }
    const session = sessionWithTokens(core);
    const all = session.subscribeConversations();
    const even = session.subscribeConversations({ filter: { custom: { kind: ["==", "even"] } } });
    await settle();
    const ids = (subscription: typeof all) =>
      subscription.state.type === "active" ? subscription.state.latestSnapshot.map((c) => c.id) : [];
    expect(ids(all)).toHaveLength(20);
    expect(ids(all)[0]).toBe("c45");
    expect(ids(even).every((id) => Number(id.slice(1)) % 2 === 0)).toBe(true);
    await expect(all.loadMore(31)).rejects.toThrow(/between 1 and 30/);
    const more = all.loadMore(30);
    await settle();
    await more;
    expect(ids(all)).toHaveLength(45);
    expect(all.state).toMatchObject({ loadedAll: true });

    // An old conversation with a new message joins the window at the top.
    core.publishMessage("c2", { senderId: "sam", text: "bump", createdAt: 3_000_000 });
    await settle();
    expect(ids(even)[0]).toBe("c2");
    expect(ids(even)).toHaveLength(21);
  });

  it("keeps one window per subscription: loadMore on one leaves the other as it was", async () => {
    const { session, subscription } = await messageWindow(100);
    const other = session.conversation("c1").subscribeMessages();
    expect(other.state.type).toBe("active");
    const more = subscription.loadMore();
    await settle();
    await more;
    expect(other.state.type === "active" && other.state.latestSnapshot).toHaveLength(30);
    expect(subscription.state.type === "active" && subscription.state.latestSnapshot).toHaveLength(60);
  });

  it("has TalkJS's registry key, so a second getTalkSession call shares the windows' session", () => {
    const core = createFakeCore();
    expect(core.getTalkSession({ appId, userId: "pete" })).toBe(core.getTalkSession({ appId, userId: "pete" }));
  });
});
