import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFakeCore } from "../../src/index.js";
import { appId, seededCore, sessionWithTokens, settle } from "./harness.js";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("controls of the fake core", () => {
  it("seeds users, conversations with participants, subjects, unread counts and messages", async () => {
    const core = createFakeCore({
      seed: {
        users: [{ id: "pete", name: "Pete", custom: { team: "blue" } }],
        conversations: [
          {
            id: "order-1",
            participants: ["pete", "sam"],
            subject: "Order 1",
            unread: { pete: 4 },
            readOnly: ["sam"],
            messages: [{ senderId: "sam", text: "first" }, { text: "a system message" }],
          },
        ],
      },
    });
    const session = sessionWithTokens(core);
    const conversation = session.conversation("order-1").subscribe();
    const messages = session.conversation("order-1").subscribeMessages();
    const pete = session.currentUser.subscribe();
    await settle();
    expect(conversation.state).toMatchObject({
      latestSnapshot: { subject: "Order 1", unreadMessageCount: 4, lastMessage: { plaintext: "a system message" } },
    });
    expect(messages.state).toMatchObject({
      latestSnapshot: [
        { type: "SystemMessage", sender: null },
        { type: "UserMessage", sender: { id: "sam", name: "sam" }, plaintext: "first" },
      ],
      loadedAll: true,
    });
    expect(pete.state).toMatchObject({ latestSnapshot: { name: "Pete", custom: { team: "blue" } } });
    core.seed({ users: [{ id: "sam", name: "Sam" }] });
    await settle();
    expect(messages.state).toMatchObject({ latestSnapshot: [{}, { sender: { name: "Sam" } }] });
  });

  it("publishMessage delivers to every session of a participant and returns the message id", async () => {
    const core = seededCore();
    const pete = sessionWithTokens(core, "pete");
    const sam = sessionWithTokens(core, "sam");
    const peteMessages = vi.fn();
    const samMessages = vi.fn();
    pete.conversation("c1").subscribeMessages(peteMessages);
    sam.conversation("c1").subscribeMessages(samMessages);
    await settle();
    const id = core.publishMessage("c1", { senderId: "sam", text: "Hello", custom: { kind: "greeting" } });
    expect(peteMessages).toHaveBeenLastCalledWith(
      [expect.objectContaining({ id, custom: { kind: "greeting" } })],
      true,
    );
    expect(samMessages).toHaveBeenCalledTimes(2);
    expect(() => core.publishMessage("nowhere", { text: "x" })).toThrow(/No conversation "nowhere"/);
  });

  it("failNextSend rejects the next send once; the message never appears", async () => {
    vi.useRealTimers();
    const core = seededCore();
    const session = sessionWithTokens(core);
    const error = new Error("network hiccup");
    core.failNextSend(error);
    await expect(session.conversation("c1").send("lost")).rejects.toBe(error);
    await expect(session.conversation("c1").send("delivered")).resolves.toMatchObject({ conversationId: "c1" });
    const snapshot = await session.conversation("c1").get();
    expect(snapshot?.lastMessage?.plaintext).toBe("delivered");
  });

  it("failNextSubscription puts the next subscription in error, rejecting connected with the error", async () => {
    const core = seededCore();
    const session = sessionWithTokens(core);
    const error = new Error("forbidden");
    core.failNextSubscription(error);
    const refused = session.conversation("c1").subscribe();
    const fine = session.conversation("c1").subscribeTyping();
    await settle();
    expect(refused.state).toEqual({ type: "error", error });
    await expect(refused.connected).rejects.toBe(error);
    await expect(refused.terminated).resolves.toEqual({ type: "error", error });
    expect(fine.state.type).toBe("active");
    expect(core.subscriptionCount()).toBe(1);
  });

  it("counts sessions, live subscriptions, setToken and onNeedToken calls", async () => {
    const core = seededCore();
    const pete = sessionWithTokens(core, "pete");
    const sam = sessionWithTokens(core, "sam");
    const first = pete.conversation("c1").subscribe();
    pete.conversation("c1").subscribeMessages();
    sam.user("pete").subscribeOnline();
    await settle();
    expect(core.subscriptionCount()).toBe(3);
    expect(pete.subscriptionCount()).toBe(2);
    expect(core.setTokenCalls()).toBe(2);
    expect(core.needTokenCalls()).toBe(2);
    first.unsubscribe();
    expect(core.subscriptionCount()).toBe(2);
    core.expireToken(pete);
    await settle();
    expect(core.needTokenCalls()).toBe(3);
    expect(core.setTokenCalls()).toBe(3);
    expect(core.sessions).toEqual([pete, sam]);
  });

  it("changes latency at run time", async () => {
    const core = seededCore();
    core.latencyMs = 100;
    const session = sessionWithTokens(core);
    const subscription = session.conversation("c1").subscribe();
    await settle(99);
    expect(subscription.state.type).toBe("pending");
    await settle(1);
    expect(subscription.state.type).toBe("active");
    expect(() => (core.latencyMs = Number.NaN)).toThrow(TypeError);
  });

  it("terminate() and expireToken() without a live session say what to do", () => {
    const core = createFakeCore();
    expect(() => core.terminate()).toThrow(/no live session/);
    expect(() => core.expireToken()).toThrow(/getTalkSession/);
  });

  it("terminate() ends the latest live session by default, with an error for onError", async () => {
    const core = seededCore();
    const older = sessionWithTokens(core, "pete");
    const newer = core.getTalkSession({ appId, userId: "pete", forceCreateNew: true });
    const onError = vi.fn();
    newer.onError(onError);
    core.terminate();
    expect(newer.isAlive).toBe(false);
    expect(older.isAlive).toBe(true);
    expect(onError).toHaveBeenCalledWith(expect.any(Error));
    await settle();
  });

  it("opens connections made while the network is down only after reconnect()", async () => {
    const core = seededCore({ latencyMs: 10 });
    core.disconnect();
    const session = sessionWithTokens(core);
    const subscription = session.conversation("c1").subscribe();
    await settle(1000);
    expect(subscription.state.type).toBe("pending");
    core.reconnect();
    await settle(10);
    expect(subscription.state.type).toBe("active");
  });
});
