import type { ConversationSnapshot, MessageSnapshot, TypingSnapshot } from "@talkjs/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { seededCore, sessionWithTokens, settle } from "./harness.js";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("subscriptions", () => {
  it("delivers the first snapshot asynchronously, after the latency", async () => {
    const core = seededCore({ latencyMs: 50 });
    const session = sessionWithTokens(core);
    const onSnapshot = vi.fn();
    const subscription = session.conversation("c1").subscribe(onSnapshot);
    expect(subscription.state.type).toBe("pending");
    expect(onSnapshot).not.toHaveBeenCalled();
    await settle(49);
    expect(onSnapshot).not.toHaveBeenCalled();
    await settle(1);
    expect(onSnapshot).toHaveBeenCalledTimes(1);
    expect(onSnapshot.mock.calls[0]?.[0]).toMatchObject({ id: "c1", subject: "Order 1" });
    await expect(subscription.connected).resolves.toBe(subscription.state);
  });

  it("delivers synchronously, before subscribe() returns, to a second subscriber of cached data", async () => {
    const core = seededCore({ latencyMs: 50 });
    const session = sessionWithTokens(core);
    const first = session.conversation("c1").subscribeMessages();
    await settle(100);
    expect(first.state.type).toBe("active");

    const onSnapshot = vi.fn();
    const second = session.conversation("c1").subscribeMessages(onSnapshot);
    expect(onSnapshot).toHaveBeenCalledTimes(1);
    expect(second.state.type).toBe("active");

    const other = vi.fn();
    session.conversation("c1").subscribeParticipants(other);
    expect(other).not.toHaveBeenCalled();
  });

  it("shows a sent message only through subscriptions, after the round trip", async () => {
    const core = seededCore({ latencyMs: 20 });
    const session = sessionWithTokens(core);
    const snapshots: (MessageSnapshot[] | null)[] = [];
    session.conversation("c1").subscribeMessages((messages) => snapshots.push(messages));
    await settle(40);
    expect(snapshots).toEqual([[]]);

    const sent = session.conversation("c1").send("On my way");
    expect(snapshots).toHaveLength(1);
    await settle(20);
    const ref = await sent;
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]?.[0]).toMatchObject({ id: ref.id, plaintext: "On my way", sender: { id: "pete" } });
    expect(ref.conversationId).toBe("c1");
  });

  it("calls back only when the snapshot changed, and reuses unchanged snapshots", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    const lists: ConversationSnapshot[][] = [];
    session.subscribeConversations((conversations) => lists.push(conversations));
    core.addConversation({ id: "c2", participants: ["sam", "pete"], subject: "Other" });
    await settle();
    expect(lists).toHaveLength(1);

    core.addConversation({ id: "elsewhere", participants: ["sam"] }); // not pete's
    await settle();
    expect(lists).toHaveLength(1);

    await settle(1000);
    core.publishMessage("c2", { senderId: "sam", text: "New" });
    await settle();
    expect(lists).toHaveLength(2);
    const [before, after] = lists;
    expect(after?.map((conversation) => conversation.id)).toEqual(["c2", "c1"]);
    expect(after?.find((conversation) => conversation.id === "c1")).toBe(
      before?.find((conversation) => conversation.id === "c1"),
    );
    expect(Object.isFrozen(after?.[0])).toBe(true);
  });

  it("gives null to a user who is not a participant", async () => {
    vi.useRealTimers(); // awaits the fake's requests, which answer on a timer
    const core = seededCore();
    core.addUser({ id: "eve" });
    const session = sessionWithTokens(core, "eve");
    const conversation = session.conversation("c1").subscribe();
    const messages = session.conversation("c1").subscribeMessages();
    const typing = session.conversation("c1").subscribeTyping();
    await expect(conversation.connected).resolves.toBeDefined();
    await expect(typing.connected).resolves.toBeDefined();
    await expect(messages.connected).resolves.toBeDefined();
    expect(conversation.state).toEqual({ type: "active", latestSnapshot: null });
    expect(messages.state).toMatchObject({ type: "active", latestSnapshot: null });
    expect(typing.state).toEqual({ type: "active", latestSnapshot: null });
    await expect(session.conversation("c1").send("hi")).rejects.toThrow(/not a participant/);
  });

  it("rejects connected with a plain string when unsubscribed before it connected", async () => {
    const core = seededCore({ latencyMs: 50 });
    const session = sessionWithTokens(core);
    const subscription = session.conversation("c1").subscribe();
    subscription.unsubscribe();
    await expect(subscription.connected).rejects.toBeTypeOf("string");
    await expect(subscription.terminated).resolves.toEqual({ type: "unsubscribed" });
    expect(subscription.state.type).toBe("unsubscribed");
    subscription.unsubscribe(); // a no-op
    expect(core.subscriptionCount()).toBe(0);
  });

  it("leaves subscriptions active and frozen when the session is terminated; pending ones reject with a string", async () => {
    const core = seededCore({ latencyMs: 10 });
    const session = sessionWithTokens(core);
    const onSnapshot = vi.fn();
    const active = session.conversation("c1").subscribeMessages(onSnapshot);
    await settle(20);
    const pending = session.conversation("c1").subscribe();
    session.terminate();
    await expect(pending.connected).rejects.toBeTypeOf("string");
    expect(pending.state.type).toBe("pending");
    expect(active.state.type).toBe("active");

    core.publishMessage("c1", { senderId: "sam", text: "Nobody hears this" });
    await settle(20);
    expect(onSnapshot).toHaveBeenCalledTimes(1);
    expect(core.subscriptionCount()).toBe(2);
    await expect(session.conversation("c1").get()).rejects.toThrow(/terminated/);
  });

  it("calls onError once when the server ends the session, not when the app terminates it", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    const onError = vi.fn();
    const removed = vi.fn();
    session.onError(onError);
    session.onError(removed).unsubscribe();
    session.conversation("c1").subscribe();
    await settle();
    const error = new Error("server gone");
    core.terminate(session, error);
    core.terminate(session, error);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(error);
    expect(removed).not.toHaveBeenCalled();
    expect(session.endError).toBe(error);

    const other = sessionWithTokens(core, "sam");
    const otherError = vi.fn();
    other.onError(otherError);
    other.terminate();
    expect(otherError).not.toHaveBeenCalled();
  });

  it("lets a listener unsubscribe or terminate the session from inside its callback", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    const subscription = session.conversation("c1").subscribeMessages(() => {
      subscription.unsubscribe();
      session.terminate();
    });
    await settle();
    expect(subscription.state.type).toBe("unsubscribed");
    expect(session.isAlive).toBe(false);
  });

  it("activates nothing more once a first snapshot's callback terminated the session", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    session.conversation("c1").subscribe(() => session.terminate());
    const later = session.conversation("c1").subscribeMessages();
    await settle();
    expect(session.isAlive).toBe(false);
    expect(later.state.type).toBe("pending");
    await expect(later.connected).rejects.toBeTypeOf("string");
  });

  it("streams typing: other users only, many above five, cleared by their message or after 10 s", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    const seen: (TypingSnapshot | null)[] = [];
    session.conversation("c1").subscribeTyping((typing) => seen.push(typing));
    await settle();
    expect(seen.at(-1)).toEqual({ many: false, users: [] });

    core.setTyping("c1", "sam", true);
    core.setTyping("c1", "pete", true);
    await settle();
    expect(seen.at(-1)).toMatchObject({ many: false, users: [{ id: "sam", name: "Sam" }] });

    core.publishMessage("c1", { senderId: "sam", text: "done typing" });
    await settle();
    expect(seen.at(-1)).toEqual({ many: false, users: [] });

    const crowd = ["a", "b", "c", "d", "e", "f"];
    core.addConversation({ id: "c1", participants: crowd });
    for (const id of crowd) core.setTyping("c1", id, true);
    await settle();
    expect(seen.at(-1)).toEqual({ many: true });
    await settle(10_000);
    expect(seen.at(-1)).toEqual({ many: false, users: [] });
  });

  it("streams a user and their presence", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    const user = session.user("sam").subscribe();
    const online = session.user("sam").subscribeOnline();
    const nobody = session.user("nobody").subscribe();
    await settle();
    expect(user.state).toMatchObject({ type: "active", latestSnapshot: { id: "sam", name: "Sam" } });
    expect(online.state).toMatchObject({ latestSnapshot: { isConnected: false, user: { id: "sam" } } });
    expect(nobody.state).toEqual({ type: "active", latestSnapshot: null });

    core.setOnline("sam", true);
    await settle();
    expect(online.state).toMatchObject({ latestSnapshot: { isConnected: true } });

    const sam = sessionWithTokens(core, "sam");
    core.setOnline("sam", false);
    sam.conversation("c1").subscribe();
    await settle();
    // A Data API user is connected while subscribed to something.
    expect(online.state).toMatchObject({ latestSnapshot: { isConnected: true } });
    sam.terminate();
    await settle();
    expect(online.state).toMatchObject({ latestSnapshot: { isConnected: false } });
  });

  it("writes through currentUser, conversations and participants", async () => {
    vi.useRealTimers(); // awaits the fake's requests, which answer on a timer
    const core = seededCore();
    const session = sessionWithTokens(core, "newbie");
    await session.currentUser.createIfNotExists({ name: "Newbie" });
    await session.currentUser.set({ name: "New Name", custom: { team: "blue" } });
    await expect(session.currentUser.get()).resolves.toMatchObject({ name: "New Name", custom: { team: "blue" } });
    await expect(session.user("ghost").set({ custom: {} })).rejects.toThrow(/name/);

    await session.conversation("fresh").createIfNotExists({ subject: "Fresh" });
    await session.conversation("fresh").participant("sam").createIfNotExists();
    const participants = await new Promise<string[]>((resolve) => {
      session.conversation("fresh").subscribeParticipants((list) => resolve((list ?? []).map((p) => p.user.id)));
    });
    expect(participants).toEqual(["sam", "newbie"]);
    await expect(session.conversation("fresh").get()).resolves.toMatchObject({ subject: "Fresh", access: "ReadWrite" });
    expect(session.conversation("fresh")).toBe(session.conversation("fresh"));
    expect(() => session.conversation("")).toThrow(/non-empty/);
  });

  it("counts unread messages, marks read and unread", async () => {
    vi.useRealTimers(); // awaits the fake's requests, which answer on a timer
    const core = seededCore();
    core.addConversation({ id: "c1", participants: [], unread: { pete: 2 } });
    const session = sessionWithTokens(core);
    const conversation = session.conversation("c1").subscribe();
    await conversation.connected;
    expect(conversation.state).toMatchObject({ latestSnapshot: { unreadMessageCount: 2, isUnread: true } });
    core.publishMessage("c1", { senderId: "sam", text: "one more" });
    expect(conversation.state).toMatchObject({ latestSnapshot: { unreadMessageCount: 3 } });
    await session.conversation("c1").markAsRead();
    expect(conversation.state).toMatchObject({ latestSnapshot: { unreadMessageCount: 0, isUnread: false } });
    await session.conversation("c1").markAsUnread();
    expect(conversation.state).toMatchObject({ latestSnapshot: { unreadMessageCount: 0, isUnread: true } });
  });
});
