import { describe, expect, it, vi } from "vitest";
import { fakeUnreadConversation } from "../../src/index.js";
import { lastSession, loadedTalk } from "./loadedTalk.js";

describe("session events", () => {
  it("calls onMessage handlers synchronously with the emitted message", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const handler = vi.fn();
    session.onMessage(handler);
    const message = talk.emitMessage({ body: "Hi Pete", conversation: { id: "order-42" } });
    expect(handler).toHaveBeenCalledExactlyOnceWith(message);
    expect(message.body).toBe("Hi Pete");
    expect(message.conversation.id).toBe("order-42");
  });

  it("marks a message as mine when its sender is the session's user", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "pete" });
    expect(talk.emitMessage({ senderId: "pete" }).isByMe).toBe(true);
    expect(talk.emitMessage().isByMe).toBe(false);
  });

  it("emits on the latest live session unless a session is given", async () => {
    const talk = await loadedTalk();
    const first = new talk.Session({ appId: "test-app", userId: "pete" });
    const second = new talk.Session({ appId: "test-app", userId: "sam" });
    const onFirst = vi.fn();
    const onSecond = vi.fn();
    first.onMessage(onFirst);
    second.onMessage(onSecond);
    talk.emitMessage();
    expect(onSecond).toHaveBeenCalledTimes(1);
    talk.emitMessage({}, talk.sessions[0]);
    expect(onFirst).toHaveBeenCalledTimes(1);
    second.destroy();
    talk.emitMessage();
    expect(onFirst).toHaveBeenCalledTimes(2);
  });

  it("throws a clear error when emitting with no live session", async () => {
    const talk = await loadedTalk();
    expect(() => talk.emitMessage()).toThrow(/no live session/);
    new talk.Session({ appId: "test-app", userId: "pete" }).destroy();
    expect(() => talk.setUnreads(1)).toThrow(/no live session/);
  });

  it("stops calling a handler after its subscription is unsubscribed", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const handler = vi.fn();
    const subscription = session.onMessage(handler);
    subscription.unsubscribe();
    subscription.unsubscribe();
    talk.emitMessage();
    expect(handler).not.toHaveBeenCalled();
  });

  /* eslint-disable @typescript-eslint/no-deprecated -- this test covers the deprecated on()/off() the SDK still has */
  it("supports the legacy on() and off() for messages and notification clicks", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const onMessage = vi.fn();
    const onClick = vi.fn();
    session.on("message", onMessage);
    session.on("desktopNotificationClicked", onClick);
    talk.emitMessage();
    talk.clickDesktopNotification({ conversation: { id: "order-42" } });
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onClick).toHaveBeenCalledExactlyOnceWith<[Record<string, unknown>]>({
      conversation: expect.objectContaining({ id: "order-42" }),
    });
    session.off("message", onMessage);
    talk.emitMessage();
    expect(onMessage).toHaveBeenCalledTimes(1);
  });
  /* eslint-enable @typescript-eslint/no-deprecated */

  it("refuses legacy events TalkJS does not have", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the check under test lives in the deprecated on()
    expect(() => session.on("unreads" as "message", () => undefined)).toThrow(/not supported/);
  });

  it("calls every handler even if one throws, then rethrows that error to the emitter", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const failure = new Error("handler bug");
    const after = vi.fn();
    session.onMessage(() => {
      throw failure;
    });
    session.onMessage(after);
    expect(() => talk.emitMessage()).toThrow(failure);
    expect(after).toHaveBeenCalledTimes(1);
  });

  it("lets a handler unsubscribe another during an emit without skipping anyone", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const second = vi.fn();
    session.onMessage(() => subscription.unsubscribe());
    const subscription = session.onMessage(second);
    talk.emitMessage();
    expect(second).toHaveBeenCalledTimes(1);
    talk.emitMessage();
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe("unreads", () => {
  it("fires a first change with no unread conversations right after the session loads, as TalkJS does", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const handler = vi.fn();
    session.unreads.onChange(handler);
    await session.hasValidCredentials();
    await Promise.resolve();
    expect(handler).toHaveBeenCalledExactlyOnceWith([]);
  });

  it("calls onChange and legacy change handlers with the unread conversations that were set", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    await session.hasValidCredentials();
    const onChange = vi.fn();
    const legacy = vi.fn();
    session.unreads.onChange(onChange);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- legacy change handlers are part of what this test covers
    session.unreads.on("change", legacy);
    const unread = fakeUnreadConversation({ conversation: { id: "order-42" }, unreadMessageCount: 3 });
    talk.setUnreads([unread]);
    expect(onChange).toHaveBeenCalledExactlyOnceWith([unread]);
    expect(legacy).toHaveBeenCalledExactlyOnceWith([unread]);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- legacy change handlers are part of what this test covers
    session.unreads.off("change", legacy);
    talk.setUnreads(2);
    expect(legacy).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith([
      expect.objectContaining<Record<string, unknown>>({
        conversation: expect.objectContaining({ id: "conversation-1" }),
      }),
      expect.objectContaining<Record<string, unknown>>({
        conversation: expect.objectContaining({ id: "conversation-2" }),
      }),
    ]);
    expect(lastSession(talk).unreadConversations).toHaveLength(2);
  });
});

describe("subscriptionCount()", () => {
  /* eslint-disable @typescript-eslint/no-deprecated -- legacy on()/off() subscriptions are part of what is counted */
  it("counts on<Event> subscriptions, legacy on() and unreads handlers over all sessions", async () => {
    const talk = await loadedTalk();
    const first = new talk.Session({ appId: "test-app", userId: "pete" });
    const second = new talk.Session({ appId: "test-app", userId: "sam" });
    const onMessage = first.onMessage(() => undefined);
    first.onBrowserPermissionNeeded(() => undefined);
    first.unreads.onChange(() => undefined);
    const legacy = (): void => undefined;
    second.on("message", legacy);
    second.unreads.on("change", legacy);
    second.onDesktopNotificationClicked(() => undefined);
    expect(talk.subscriptionCount()).toBe(6);
    onMessage.unsubscribe();
    second.off("message", legacy);
    expect(talk.subscriptionCount()).toBe(4);
  });
  /* eslint-enable @typescript-eslint/no-deprecated */

  it("drops a session's subscriptions to zero when it is destroyed", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const subscription = session.onMessage(() => undefined);
    session.onBrowserPermissionDenied(() => undefined);
    session.unreads.onChange(() => undefined);
    session.destroy();
    expect(talk.subscriptionCount()).toBe(0);
    expect(() => subscription.unsubscribe()).not.toThrow();
  });
});
