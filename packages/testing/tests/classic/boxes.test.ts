// @vitest-environment jsdom
import type Talk from "talkjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AnyFakeUIBox, FakeSession, FakeTalk } from "../../src/index.js";
import { loadedTalk, lastSession } from "./loadedTalk.js";

function container(): HTMLElement {
  return document.body.appendChild(document.createElement("div"));
}

async function sessionOf(talk?: FakeTalk): Promise<{ talk: FakeTalk; session: FakeSession }> {
  const fake = talk ?? (await loadedTalk());
  new fake.Session({ appId: "test-app", userId: "pete" });
  return { talk: fake, session: lastSession(fake) };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe("creating boxes", () => {
  it("lists every box in creation order with its kind and creation options", async () => {
    const { talk, session } = await sessionOf();
    const chatboxOptions = { showChatHeader: false };
    const chatbox = session.createChatbox(chatboxOptions);
    const inbox = session.createInbox({ feedFilter: { hasUnreadMessages: true } });
    const popup = session.createPopup();
    expect(talk.boxes).toEqual([chatbox, inbox, popup]);
    expect(talk.boxes.map((box) => box.kind)).toEqual(["chatbox", "inbox", "popup"]);
    expect(chatbox.options).toBe(chatboxOptions);
    expect(inbox.feedFilter).toEqual({ hasUnreadMessages: true });
    expect(popup.options).toBeUndefined();
    expect(chatbox.session).toBe(session);
  });

  it("takes the conversation of the deprecated two-argument form", async () => {
    const { session } = await sessionOf();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated form is the subject here
    const chatbox = session.createChatbox(session.getOrCreateConversation("order-42"), { showChatHeader: true });
    expect(chatbox.conversationId).toBe("order-42");
    expect(chatbox.options).toEqual({ showChatHeader: true });
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated form is the subject here
    expect(session.createPopup(null, { launcher: "never" }).conversationId).toBeNull();
  });

  it("counts live boxes and the most that were ever alive at once", async () => {
    const { talk, session } = await sessionOf();
    const first = session.createChatbox();
    first.destroy();
    const second = session.createChatbox();
    expect(talk.peakLiveBoxes()).toBe(1);
    session.createInbox();
    second.destroy();
    expect(talk.peakLiveBoxes()).toBe(2);
    expect(talk.liveBoxes()).toHaveLength(1);
    expect(talk.boxes).toHaveLength(3);
  });

  it("destroys every box of a session that is destroyed", async () => {
    const { talk, session } = await sessionOf();
    const chatbox = session.createChatbox();
    const popup = session.createPopup();
    await chatbox.mount(container());
    session.destroy();
    expect(chatbox.isAlive).toBe(false);
    expect(popup.isAlive).toBe(false);
    expect(chatbox.element).toBeUndefined();
    expect(talk.liveBoxes()).toEqual([]);
  });

  it("throws when a box is created on a destroyed session", async () => {
    const { session } = await sessionOf();
    session.destroy();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated form must throw too
    expect(() => session.createChatbox("order-42" as never, {})).toThrow(/session has been destroyed/);
  });
});

describe("a destroyed box", () => {
  const DESTROYED = /\[TalkJS\] This (Chatbox|Inbox|Popup) has been destroyed, so .+\(\) can no longer be called/;

  it.each<[string, (box: AnyFakeUIBox, talk: FakeTalk) => unknown]>([
    ["mount", (box) => (box.kind === "popup" ? box.mount() : box.mount(container()))],
    ["select", (box) => box.select("order-42")],
    ["setMessageFilter", (box) => box.setMessageFilter({ type: ["==", "UserMessage"] })],
    ["setPresence", (box) => box.setPresence({ visible: false })],
    ["setHighlightedWords", (box) => box.setHighlightedWords(["hi"])],
    ["onSendMessage", (box) => box.onSendMessage(() => undefined)],
    ["onCustomMessageAction", (box) => box.onCustomMessageAction("reply", () => undefined)],
    ["onKeydown", (box) => box.onKeydown(() => undefined)],
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the deprecated on() must also throw after destroy()
    ["on", (box) => box.on("focus", () => undefined)],
    ["messageField.setText", (box) => box.messageField.setText("hi")],
    ["emit", (box, talk) => talk.emitBoxEvent("focus", undefined, box)],
  ])("throws from %s", async (_, call) => {
    const { talk, session } = await sessionOf();
    for (const box of [session.createChatbox(), session.createInbox(), session.createPopup()]) {
      box.destroy();
      expect(() => call(box, talk)).toThrow(DESTROYED);
    }
  });

  it("throws from the kind-specific methods too", async () => {
    const { session } = await sessionOf();
    const inbox = session.createInbox();
    const popup = session.createPopup();
    inbox.destroy();
    popup.destroy();
    expect(() => inbox.setFeedFilter({})).toThrow(DESTROYED);
    expect(() => inbox.onConversationSelected(() => undefined)).toThrow(DESTROYED);
    expect(() => popup.show()).toThrow(DESTROYED);
    expect(() => popup.hide()).toThrow(DESTROYED);
    expect(() => popup.onOpen(() => undefined)).toThrow(DESTROYED);
  });

  it("can be destroyed again, and its subscriptions can still be unsubscribed", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    const subscription = chatbox.onSendMessage(() => undefined);
    chatbox.destroy();
    expect(() => chatbox.destroy()).not.toThrow();
    expect(() => subscription.unsubscribe()).not.toThrow();
    expect(chatbox.isAlive).toBe(false);
  });

  it("never settles a mount or select still pending when it is destroyed, as nothing answers any more", async () => {
    const { talk, session } = await sessionOf();
    vi.useFakeTimers();
    talk.delaySelects(100);
    const chatbox = session.createChatbox();
    const settled = vi.fn();
    chatbox.mount(container()).then(settled, settled);
    chatbox.select("order-42").then(settled, settled);
    chatbox.destroy();
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).not.toHaveBeenCalled();
    expect(chatbox.mounted).toBe(false);
    expect(chatbox.conversationId).toBeNull();
  });
});

describe("mount and select", () => {
  it("settle asynchronously: nothing changes before the returned promise resolves", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    const element = container();
    const selected = chatbox.select("order-42", { asGuest: true });
    const mounted = chatbox.mount(element);
    expect(chatbox.conversationId).toBeNull();
    expect(chatbox.mounted).toBe(false);
    expect(element.children).toHaveLength(0);
    await selected;
    await mounted;
    expect(chatbox.conversationId).toBe("order-42");
    expect(chatbox.currentConversation?.id).toBe("order-42");
    expect(chatbox.asGuest).toBe(true);
    expect(chatbox.mounted).toBe(true);
    expect(chatbox.container).toBe(element);
    expect(element.textContent).toContain("order-42");
  });

  it("rejects mounting a chatbox or inbox without an element", async () => {
    const { session } = await sessionOf();
    await expect(session.createChatbox().mount(null)).rejects.toThrow(
      /Chatbox\.mount\(container\) needs an HTMLElement/,
    );
    await expect(session.createInbox().mount(document.getElementById("missing"))).rejects.toThrow(
      /Inbox\.mount\(container\) needs an HTMLElement; got null/,
    );
  });

  it("selects a ConversationBuilder, a conversation id or nothing", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    const conversation = session.getOrCreateConversation("order-7");
    conversation.setAttributes({ subject: "Order #7" });
    await chatbox.select(conversation);
    expect(chatbox.currentConversation).toMatchObject({ id: "order-7", subject: "Order #7" });
    await chatbox.select("order-8");
    expect(chatbox.conversationId).toBe("order-8");
    expect(chatbox.asGuest).toBeUndefined();
    await chatbox.select(null);
    expect(chatbox.conversationId).toBeNull();
  });

  it("rejects selecting something that is not a conversation", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    await expect(chatbox.select("")).rejects.toThrow(TypeError);
    await expect(chatbox.select({} as never)).rejects.toThrow(/needs a conversation id/);
  });

  it("lets the latest select win when delayed selects settle out of order", async () => {
    const { talk, session } = await sessionOf();
    vi.useFakeTimers();
    const chatbox = session.createChatbox();
    talk.delaySelects(100);
    const slow = chatbox.select("first");
    talk.delaySelects(0);
    await chatbox.select("second");
    await vi.advanceTimersByTimeAsync(100);
    await slow;
    expect(chatbox.conversationId).toBe("second");
  });

  it("delays mounts and selects by the time set, under fake timers", async () => {
    vi.useFakeTimers();
    const talk = await loadedTalkUnderFakeTimers({ mountDelayMs: 500 });
    const { session } = await sessionOf(talk);
    const chatbox = session.createChatbox();
    const mounted = vi.fn();
    void chatbox.mount(container()).then(mounted);
    await vi.advanceTimersByTimeAsync(499);
    expect(mounted).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(mounted).toHaveBeenCalledTimes(1);
    talk.delaySelects(50);
    const selected = chatbox.select("order-42");
    await vi.advanceTimersByTimeAsync(49);
    expect(chatbox.conversationId).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await selected;
    expect(chatbox.conversationId).toBe("order-42");
  });
});

async function loadedTalkUnderFakeTimers(options: Parameters<typeof loadedTalk>[0]): Promise<FakeTalk> {
  const { createFakeTalk } = await import("../../src/index.js");
  const talk = createFakeTalk(options);
  const ready = talk.ready;
  await vi.advanceTimersByTimeAsync(0);
  await ready;
  return talk;
}

describe("failure injection", () => {
  it("fails only the next mount with failNextMount", async () => {
    const { talk, session } = await sessionOf();
    talk.failNextMount(new Error("iframe blocked"));
    const chatbox = session.createChatbox();
    await expect(chatbox.mount(container())).rejects.toThrow("iframe blocked");
    expect(chatbox.mounted).toBe(false);
    await expect(chatbox.mount(container())).resolves.toBeUndefined();
  });

  it("fails every mount until failMounts(false)", async () => {
    const { talk, session } = await sessionOf();
    talk.failMounts(new Error("offline"));
    await expect(session.createInbox().mount(container())).rejects.toThrow("offline");
    await expect(session.createPopup().mount({ show: true })).rejects.toThrow("offline");
    talk.failMounts(false);
    await expect(session.createInbox().mount(container())).resolves.toBeUndefined();
  });

  it("fails selects and keeps the conversation shown before", async () => {
    const { talk, session } = await sessionOf();
    const chatbox = session.createChatbox();
    await chatbox.select("order-1");
    talk.failNextSelect();
    await expect(chatbox.select("order-2")).rejects.toThrow(/could not be selected/);
    expect(chatbox.conversationId).toBe("order-1");
    talk.failSelects(new Error("no access"));
    await expect(chatbox.select("order-3")).rejects.toThrow("no access");
    await expect(chatbox.select("order-4")).rejects.toThrow("no access");
    talk.failSelects(false);
    await chatbox.select("order-5");
    expect(chatbox.conversationId).toBe("order-5");
  });
});

describe("the call log", () => {
  it("records every SDK call on a box with its arguments, in order", async () => {
    const { session } = await sessionOf();
    const inbox = session.createInbox();
    const element = container();
    const handler = (): void => undefined;
    inbox.onSendMessage(handler);
    await inbox.select("order-42", { asGuest: false });
    await inbox.mount(element);
    inbox.setFeedFilter({ custom: { category: ["==", "support"] } });
    inbox.setHighlightedWords(["refund"]);
    inbox.destroy();
    expect(inbox.calls).toEqual([
      { method: "onSendMessage", args: [handler] },
      { method: "select", args: ["order-42", { asGuest: false }] },
      { method: "mount", args: [element] },
      { method: "setFeedFilter", args: [{ custom: { category: ["==", "support"] } }] },
      { method: "setHighlightedWords", args: [["refund"]] },
      { method: "destroy", args: [] },
    ]);
    expect(inbox.callCount("select")).toBe(1);
  });

  it("records calls made on a destroyed box too, and lists all boxes' calls on the fake", async () => {
    const { talk, session } = await sessionOf();
    const chatbox = session.createChatbox();
    const popup = session.createPopup();
    void chatbox.select("a");
    popup.show();
    chatbox.destroy();
    expect(() => chatbox.select("b")).toThrow();
    expect(chatbox.callCount("select")).toBe(2);
    expect(talk.boxCalls().map(({ box, method }) => `${box.kind}.${method}`)).toEqual([
      "chatbox.select",
      "popup.show",
      "chatbox.destroy",
      "chatbox.select",
    ]);
  });

  it("keeps the values the setters set, starting from the creation options", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox({
      presence: { visible: true },
      messageFilter: { type: ["==", "UserMessage"] },
    });
    expect(chatbox.presence).toEqual({ visible: true });
    expect(chatbox.highlightedWords).toEqual([]);
    chatbox.setPresence({ visible: false, custom: { page: "checkout" } });
    chatbox.setMessageFilter({ type: ["==", "SystemMessage"] });
    const controls = chatbox.setHighlightedWords(["refund", "order"]);
    expect(chatbox.presence).toEqual({ visible: false, custom: { page: "checkout" } });
    expect(chatbox.messageFilter).toEqual({ type: ["==", "SystemMessage"] });
    expect(chatbox.highlightedWords).toEqual(["refund", "order"]);
    await expect(controls.jumpDown()).resolves.toEqual({ found: true, isLast: true });
  });
});

describe("box events", () => {
  it("calls onSendMessage handlers with a realistic SendMessageEvent, overridable by init", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    await chatbox.select("order-42");
    const handler = vi.fn<(event: Talk.SendMessageEvent) => void>();
    chatbox.onSendMessage(handler);
    chatbox.emit("sendMessage");
    expect(handler.mock.calls[0]?.[0]).toMatchObject({
      message: {
        conversationId: "order-42",
        senderId: "pete",
        type: "UserMessage",
        text: "Hello from the TalkJS fake",
      },
      me: { id: "pete" },
      conversation: { id: "order-42" },
    });
    chatbox.emit("sendMessage", { conversation: { ...chatbox.currentConversation!, subject: "Changed" } });
    expect(handler.mock.calls[1]?.[0].conversation.subject).toBe("Changed");
  });

  it("calls custom action handlers for every action or only the one they named", async () => {
    const { talk, session } = await sessionOf();
    const chatbox = session.createChatbox();
    const any = vi.fn();
    const reply = vi.fn();
    chatbox.onCustomMessageAction(any);
    chatbox.onCustomMessageAction("reply", reply);
    const onConversationAction = vi.fn();
    chatbox.onCustomConversationAction("archive", onConversationAction);
    talk.emitBoxEvent("customMessageAction", { action: "like" });
    talk.emitBoxEvent("customMessageAction", { action: "reply", params: { tone: "warm" } });
    talk.emitBoxEvent("customConversationAction", { action: "archive" });
    expect(any).toHaveBeenCalledTimes(2);
    expect(reply).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ action: "reply", params: { tone: "warm" } }),
    );
    expect(onConversationAction).toHaveBeenCalledTimes(1);
  });

  it("returns false from emit when a handler prevents the default", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    expect(chatbox.emit("leaveConversation")).toBe(true);
    chatbox.onLeaveConversation((event) => event.preventDefault());
    expect(chatbox.emit("leaveConversation")).toBe(false);
  });

  it("calls handlers of argument-less events with no argument", async () => {
    const { session } = await sessionOf();
    const popup = session.createPopup();
    const onOpen = vi.fn();
    popup.onOpen(onOpen);
    popup.emit("open");
    expect(onOpen).toHaveBeenCalledExactlyOnceWith();
  });

  it("throws a TypeError for an event this kind of box does not have", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    // @ts-expect-error a Chatbox has no "open" event
    expect(() => chatbox.emit("open")).toThrow(/A Chatbox has no "open" event/);
  });

  it("emits on the latest live box that has the event, unless a box is given", async () => {
    const { talk, session } = await sessionOf();
    const inbox = session.createInbox();
    const chatbox = session.createChatbox();
    const onInbox = vi.fn();
    const onChatbox = vi.fn();
    inbox.onFocus(onInbox);
    chatbox.onFocus(onChatbox);
    inbox.onDesktopNotificationToggled(onInbox);
    talk.emitBoxEvent("focus");
    expect(onChatbox).toHaveBeenCalledTimes(1);
    talk.emitBoxEvent("desktopNotificationToggled", { isEnabled: false });
    expect(onInbox).toHaveBeenCalledExactlyOnceWith({ isEnabled: false });
    talk.emitBoxEvent("focus", undefined, inbox);
    expect(onInbox).toHaveBeenCalledTimes(2);
    expect(() => talk.emitBoxEvent("open")).toThrow(/no live box has this event/);
  });

  it("stops calling handlers once unsubscribed, or once a handler destroyed the box", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    const later = vi.fn();
    const subscription = chatbox.onBlur(later);
    expect(chatbox.subscriptionCount()).toBe(1);
    subscription.unsubscribe();
    chatbox.emit("blur");
    expect(later).not.toHaveBeenCalled();
    chatbox.onBlur(() => chatbox.destroy());
    chatbox.onBlur(later);
    chatbox.emit("blur");
    expect(later).not.toHaveBeenCalled();
  });

  it("supports the deprecated on() and off() with the event names of the kind", async () => {
    /* eslint-disable @typescript-eslint/no-deprecated -- this test covers the deprecated on()/off() the SDK still has */
    const { session } = await sessionOf();
    const popup = session.createPopup();
    const handler = vi.fn();
    popup.on("close", handler);
    popup.emit("close");
    popup.off("close", handler);
    popup.emit("close");
    expect(handler).toHaveBeenCalledTimes(1);
    expect(() => session.createChatbox().on("close", handler)).toThrow(/Chatbox\.on\("close"\) is not supported/);
    /* eslint-enable @typescript-eslint/no-deprecated */
  });

  it("has an Inbox report conversationSelected when it mounts and after each select", async () => {
    const { session } = await sessionOf();
    const inbox = session.createInbox();
    const selected: (string | null)[] = [];
    inbox.onConversationSelected(({ conversation }) => selected.push(conversation?.id ?? null));
    await inbox.select("order-1");
    expect(selected).toEqual([]);
    await inbox.mount(container());
    await inbox.select("order-2");
    await inbox.select(null);
    expect(selected).toEqual(["order-1", "order-2", null]);
  });
});

describe("popups", () => {
  it("opens on mount({ show: true }) and follows show() and hide() once mounted", async () => {
    const { session } = await sessionOf();
    const popup = session.createPopup();
    popup.show();
    expect(popup.shown).toBe(false);
    await popup.mount({ show: true });
    expect(popup.shown).toBe(true);
    expect(popup.container).toBe(document.body);
    popup.hide();
    expect(popup.shown).toBe(false);
    expect(popup.element?.getAttribute("data-shown")).toBe("false");
    popup.show();
    expect(popup.element?.getAttribute("data-shown")).toBe("true");
  });

  it("starts closed without show, and its launcher opens and closes it with open/close events", async () => {
    const { session } = await sessionOf();
    const popup = session.createPopup();
    const events: string[] = [];
    popup.onOpen(() => events.push("open"));
    popup.onClose(() => events.push("close"));
    await popup.mount();
    expect(popup.shown).toBe(false);
    const launcher = popup.element!.querySelector("button[aria-expanded]") as HTMLButtonElement;
    launcher.click();
    expect(popup.shown).toBe(true);
    launcher.click();
    expect(events).toEqual(["open", "close"]);
  });
});

describe("the drawn box", () => {
  it("switches conversations in place on select(), keeping the same element", async () => {
    const { talk, session } = await sessionOf();
    const chatbox = session.createChatbox();
    const element = container();
    await chatbox.select("order-1");
    await chatbox.mount(element);
    const drawn = chatbox.element;
    talk.emitMessage({ body: "About order 2", conversation: { id: "order-2" } });
    await chatbox.select("order-2");
    expect(chatbox.element).toBe(drawn);
    expect(drawn?.getAttribute("data-conversation")).toBe("order-2");
    expect(element.textContent).toContain("About order 2");
  });

  it("marks the highlighted words", async () => {
    const { talk, session } = await sessionOf();
    const chatbox = session.createChatbox();
    await chatbox.mount(container());
    talk.emitMessage({ body: "Your refund is on its way" });
    chatbox.setHighlightedWords(["refund"]);
    expect([...chatbox.element!.querySelectorAll("mark")].map((mark) => mark.textContent)).toEqual(["refund"]);
  });

  it("emits selectConversation and conversationSelected when the user picks a conversation in an inbox", async () => {
    const { talk, session } = await sessionOf();
    const inbox = session.createInbox();
    await inbox.mount(container());
    talk.emitMessage({ body: "Hi", conversation: { id: "order-9" } });
    const selected = vi.fn();
    inbox.onConversationSelected(selected);
    inbox.onSelectConversation((event) => {
      if (event.conversation.id === "blocked") event.preventDefault();
    });
    inbox.element!.querySelector<HTMLElement>('[data-conversation-id="order-9"]')!.click();
    expect(inbox.conversationId).toBe("order-9");
    expect(selected).toHaveBeenCalledWith(
      expect.objectContaining<Record<string, unknown>>({ conversation: expect.objectContaining({ id: "order-9" }) }),
    );
  });

  it("emits sendMessage with the typed text before the reply is delivered", async () => {
    const onSend = vi.fn();
    const talk = await loadedTalk({ onSend });
    const { session } = await sessionOf(talk);
    const chatbox = session.createChatbox();
    await chatbox.select("order-42");
    await chatbox.mount(container());
    const texts: (string | undefined)[] = [];
    chatbox.onSendMessage((event) => texts.push(event.message.text));
    const input = chatbox.element!.querySelector("input")!;
    input.value = "Hello";
    chatbox.element!.querySelector("form")!.requestSubmit();
    expect(texts).toEqual(["Hello"]);
    await vi.waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
  });
});

describe("each kind's drawing", () => {
  it.each([
    ["chatbox", "Chatbox"],
    ["inbox", "Inbox"],
  ] as const)("names the %s and its conversation in the header", async (kind, title) => {
    const { session } = await sessionOf();
    const box = kind === "chatbox" ? session.createChatbox() : session.createInbox();
    const element = container();
    await box.mount(element);
    const chip = (): string | null | undefined => box.element?.querySelector('[data-role="conversation"]')?.textContent;
    expect(box.element?.getAttribute("data-talkjs-fake")).toBe(kind);
    expect(element.querySelector("header")?.textContent).toContain(`${title} of pete · app test-app`);
    expect(chip()).toBe("no conversation selected");
    await box.select(session.getOrCreateConversation("order-42"));
    expect(chip()).toBe("order-42");
  });

  it("draws an inbox's conversation feed and marks the selected conversation", async () => {
    const { talk, session } = await sessionOf();
    talk.emitMessage({ body: "Hi", senderId: "sam", conversation: { id: "pete-sam", subject: "Sam Lee" } });
    const inbox = session.createInbox();
    await inbox.select("pete-sam");
    await inbox.mount(container());
    const feed = inbox.element!.querySelector('nav[aria-label="Conversations"]')!;
    expect(feed.textContent).toContain("Sam Lee");
    expect(feed.querySelector('[aria-current="true"]')?.getAttribute("data-conversation-id")).toBe("pete-sam");
  });

  it("hides a closed popup's panel and keeps its launcher", async () => {
    const { session } = await sessionOf();
    const popup = session.createPopup();
    await popup.mount({ show: false });
    const panel = popup.element!.querySelector("section")!;
    expect(panel.hidden).toBe(true);
    expect(popup.element!.querySelector("button[aria-expanded]")?.textContent).toBe("Open chat");
    popup.show();
    expect(panel.hidden).toBe(false);
  });

  it("puts messageField text into the reply field", async () => {
    const { session } = await sessionOf();
    const chatbox = session.createChatbox();
    await chatbox.select("order-42");
    await chatbox.mount(container());
    chatbox.messageField.setText("Hello");
    chatbox.messageField.typeText(" there");
    expect(chatbox.element!.querySelector("input")!.value).toBe("Hello there");
    await expect(chatbox.messageField.getText()).resolves.toBe("Hello there");
  });
});
