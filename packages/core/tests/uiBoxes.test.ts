// @vitest-environment jsdom
import type { AnyFakeUIBox, FakeChatbox, FakePopup, FakeSession, FakeTalk } from "@x/session-testing";
import type Talk from "talkjs";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createChatbox } from "../src/boxes/createChatbox";
import { createInbox } from "../src/boxes/createInbox";
import { createPopup } from "../src/boxes/createPopup";
import type { SessionError } from "../src/machine/SessionError";
import type { SessionController } from "../src/classic/types";
import type { UIBoxController, UIBoxKind, UIBoxState } from "../src/boxes/uiBoxTypes";
import { appId, settle, setup, useFakeTime } from "./helpers";
import { recordUnhandledRejections } from "./propertiesClock";

const unhandled = recordUnhandledRejections();
afterAll(() => unhandled.stop());
beforeEach(() => useFakeTime());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.replaceChildren();
  expect(unhandled.reasons).toEqual([]);
});

function element(): HTMLElement {
  return document.body.appendChild(document.createElement("div"));
}

/** Every status a box controller passes through, in order. */
function statuses<Kind extends UIBoxKind>(controller: UIBoxController<Kind>): string[] {
  const seen: string[] = [controller.getState().status];
  controller.subscribe((state) => seen.push(state.status));
  return seen;
}

/** Every error the session reports through its `error` event. */
function errors(talk: SessionController): SessionError[] {
  const seen: SessionError[] = [];
  talk.on("error", (error) => seen.push(error));
  return seen;
}

const methods = (box: AnyFakeUIBox | undefined) => box?.calls.map((call) => call.method) ?? [];
const liveBox = (fake: FakeTalk) => fake.liveBoxes()[0];
const liveChatbox = (fake: FakeTalk) => fake.liveBoxes()[0] as FakeChatbox | undefined;
const switchUser = (talk: SessionController, fake: FakeTalk, userId: string) =>
  talk.setOptions({ appId, talk: fake, userId });

describe("a box controller's lifecycle", () => {
  it("touches neither the session nor the SDK until mount()", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.setOptions({ conversationId: "order-2" });
    chatbox.on("sendMessage", () => {});
    await settle(100);
    expect(chatbox.getState()).toEqual({ status: "idle", box: undefined, error: undefined });
    expect(talk.getState().status).toBe("idle");
    expect(fake.sessions).toHaveLength(0);
  });

  it("goes from idle through waiting and mounting to mounted, with one box selected before it is mounted", async () => {
    const { fake, talk } = setup();
    const container = element();
    const chatbox = createChatbox(talk, { conversationId: "order-1", showChatHeader: false, asGuest: undefined });
    const seen = statuses(chatbox);
    chatbox.mount(container);
    expect(chatbox.getState().status).toBe("waiting");
    await settle();
    expect(seen).toEqual(["idle", "waiting", "mounting", "mounted"]);
    const box = fake.boxes[0];
    expect(fake.boxes).toHaveLength(1);
    expect(box?.kind).toBe("chatbox");
    expect(box?.session).toBe(talk.getState().session);
    // Only TalkJS's own creation options reach createChatbox.
    expect(box?.options).toEqual({ showChatHeader: false });
    expect(methods(box)).toEqual(["select", "mount"]);
    expect(box?.calls[0]?.args).toEqual(["order-1", { asGuest: false }]);
    expect(box?.container).toBe(container);
    expect(box?.conversationId).toBe("order-1");
    expect(chatbox.getState().box).toBe(box);
  });

  it("destroys the box and releases the session when unmounted; the unmount is idempotent", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const unmount = chatbox.mount(element());
    await settle();
    const box = liveBox(fake);
    unmount();
    unmount();
    expect(box?.isAlive).toBe(false);
    expect(chatbox.getState()).toEqual({ status: "idle", box: undefined, error: undefined });
    await settle(10);
    expect(talk.getState().status).toBe("idle");
    expect(fake.liveSessions()).toHaveLength(0);
  });

  it("keeps the session when unmounted and mounted again in the same task, as a StrictMode remount does", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const container = element();
    chatbox.mount(container)();
    chatbox.mount(container);
    await settle(100);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.boxes).toHaveLength(1);
    expect(fake.peakLiveBoxes()).toBe(1);
    expect(chatbox.getState().status).toBe("mounted");
  });

  it("moves to the new element when mount() is called again; the first unmount then does nothing", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const first = chatbox.mount(element());
    await settle();
    const second = element();
    chatbox.mount(second);
    await settle();
    first();
    await settle(100);
    expect(fake.peakLiveBoxes()).toBe(1);
    expect(liveBox(fake)?.container).toBe(second);
    expect(chatbox.getState().status).toBe("mounted");
    expect(talk.getState().status).toBe("ready");
  });

  it("selects nothing for an Inbox without a conversation, and none for conversationId null", async () => {
    const { fake, talk } = setup();
    const inbox = createInbox(talk);
    inbox.mount(element());
    await settle();
    expect(methods(liveBox(fake))).toEqual(["mount"]);
    inbox.setOptions({ conversationId: null });
    await settle();
    expect(liveBox(fake)?.calls.at(-1)).toEqual({ method: "select", args: [null, { asGuest: false }] });
  });

  it("calls syncConversation with the live session and selects the builder it returns", async () => {
    const { fake, talk } = setup();
    const builders: Talk.ConversationBuilder[] = [];
    const syncConversation = vi.fn((session: Talk.Session) => {
      const builder = session.getOrCreateConversation("order-7");
      builders.push(builder);
      return builder;
    });
    createChatbox(talk, { syncConversation }).mount(element());
    await settle();
    expect(syncConversation).toHaveBeenCalledWith(talk.getState().session);
    expect(liveBox(fake)?.calls[0]).toEqual({ method: "select", args: [builders[0], { asGuest: false }] });
    expect(liveBox(fake)?.conversationId).toBe("order-7");
  });

  it("does not call syncConversation again when the session only reports new unreads", async () => {
    const { fake, talk } = setup();
    const syncConversation = vi.fn((session: Talk.Session) => session.getOrCreateConversation("order-7"));
    createChatbox(talk, { syncConversation }).mount(element());
    await settle();
    fake.setUnreads(2);
    fake.setUnreads(0);
    await settle();
    expect(syncConversation).toHaveBeenCalledTimes(1);
  });

  it("calls the same syncConversation once per session, through option changes, a re-creation and a remount", async () => {
    const { fake, talk } = setup();
    const syncConversation = vi.fn((session: Talk.Session) => session.getOrCreateConversation("order-7"));
    const chatbox = createChatbox(talk, { syncConversation });
    const container = element();
    chatbox.mount(container)();
    chatbox.mount(container);
    await settle();
    chatbox.setOptions({ syncConversation, presence: { visible: false } });
    chatbox.setOptions({ syncConversation, showChatHeader: false });
    await settle();
    expect(fake.boxes).toHaveLength(2);
    expect(syncConversation).toHaveBeenCalledTimes(1);
    switchUser(talk, fake, "alice");
    await settle();
    expect(syncConversation).toHaveBeenCalledTimes(2);
    expect(syncConversation).toHaveBeenLastCalledWith(talk.getState().session);
    expect(liveBox(fake)?.conversationId).toBe("order-7");
  });

  it("selects a ConversationBuilder given as syncConversation, as a guest when asked", async () => {
    const { fake, talk } = setup();
    talk.connect();
    await settle();
    const builder = (talk.getState().session as Talk.Session).getOrCreateConversation("order-8");
    createChatbox(talk, { syncConversation: builder, asGuest: true }).mount(element());
    await settle();
    expect(liveBox(fake)?.calls[0]).toEqual({ method: "select", args: [builder, { asGuest: true }] });
    expect(liveBox(fake)?.asGuest).toBe(true);
  });

  it("mounts a Popup open unless show is false", async () => {
    const { fake, talk } = setup();
    createPopup(talk, { conversationId: "order-1" }).mount();
    createPopup(talk, { conversationId: "order-2", show: false }).mount();
    await settle();
    const [open, closed] = fake.boxes as FakePopup[];
    expect(open?.calls.at(-1)).toEqual({ method: "mount", args: [{ show: true }] });
    expect(closed?.calls.at(-1)).toEqual({ method: "mount", args: [{ show: false }] });
    expect(open?.shown).toBe(true);
    expect(closed?.shown).toBe(false);
  });

  it("throws a TypeError naming mount's element when a Chatbox or Inbox gets none", () => {
    const { talk } = setup();
    expect(() => createChatbox(talk).mount()).toThrow(/chatbox\.mount\(element\) needs the HTMLElement/);
    expect(() => createInbox(talk).mount(undefined)).toThrow(TypeError);
    expect(talk.getState().status).toBe("idle");
  });

  it("keeps the same frozen state object until something changes and passes the previous one to listeners", async () => {
    const { talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const changes: Array<[UIBoxState, UIBoxState]> = [];
    chatbox.subscribe((state, previous) => changes.push([state, previous]));
    const before = chatbox.getState();
    chatbox.mount(element());
    await settle();
    const mounted = chatbox.getState();
    chatbox.setOptions({ conversationId: "order-1" });
    await settle();
    expect(chatbox.getState()).toBe(mounted);
    expect(Object.isFrozen(mounted)).toBe(true);
    expect(changes.map(([state]) => state.status)).toEqual(["waiting", "mounting", "mounted"]);
    expect(changes[0]?.[1]).toBe(before);
    expect(changes[2]?.[1]).toBe(changes[1]?.[0]);
    expect(changes[2]?.[0]).toBe(mounted);
  });
});

describe("option changes", () => {
  it("keeps one box and makes no SDK call for 100 updates with equal inline options", async () => {
    const { fake, talk } = setup();
    const options = () => ({
      conversationId: "order-1",
      syncConversation: undefined,
      messageFilter: { type: ["==", "UserMessage"] as ["==", "UserMessage"] },
      highlightedWords: ["refund"],
      theme: { name: "default", custom: { accent: "red" } },
      translateConversations: ["order-1"],
    });
    const chatbox = createChatbox(talk, options());
    chatbox.mount(element());
    await settle();
    const calls = liveBox(fake)?.calls.length;
    for (let render = 0; render < 100; render++) chatbox.setOptions(options());
    await settle();
    expect(fake.boxes).toHaveLength(1);
    expect(liveBox(fake)?.calls).toHaveLength(calls ?? -1);
  });

  it("selects a new conversation on the same box, and again when asGuest changes", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(element());
    await settle();
    chatbox.setOptions({ conversationId: "order-2" });
    chatbox.setOptions({ conversationId: "order-2", asGuest: true });
    await settle();
    const box = liveBox(fake);
    expect(fake.boxes).toHaveLength(1);
    expect(box?.calls.filter((call) => call.method === "select").map((call) => call.args)).toEqual([
      ["order-1", { asGuest: false }],
      ["order-2", { asGuest: false }],
      ["order-2", { asGuest: true }],
    ]);
    expect(box?.conversationId).toBe("order-2");
    expect(chatbox.getState().status).toBe("mounted");
  });

  it("calls a new syncConversation function each update but selects only when its conversation changes", async () => {
    const { fake, talk } = setup();
    const sync = (id: string) => (session: Talk.Session) => session.getOrCreateConversation(id);
    const chatbox = createChatbox(talk, { syncConversation: sync("order-1") });
    chatbox.mount(element());
    await settle();
    chatbox.setOptions({ syncConversation: sync("order-1") });
    chatbox.setOptions({ conversationId: "order-1" });
    await settle();
    expect(liveBox(fake)?.callCount("select")).toBe(1);
    chatbox.setOptions({ syncConversation: sync("order-2") });
    await settle();
    expect(liveBox(fake)?.callCount("select")).toBe(2);
    expect(liveBox(fake)?.conversationId).toBe("order-2");
  });

  it("applies messageFilter, presence and highlightedWords with their setters, and resets one that is removed", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1", presence: { visible: true } });
    chatbox.mount(element());
    await settle();
    const box = liveBox(fake);
    expect(box?.presence).toEqual({ visible: true });
    chatbox.setOptions({
      conversationId: "order-1",
      presence: { visible: false },
      messageFilter: { type: ["==", "SystemMessage"] },
      highlightedWords: ["late"],
    });
    chatbox.setOptions({ conversationId: "order-1", presence: { visible: false } });
    await settle();
    expect(fake.boxes).toHaveLength(1);
    expect(box?.presence).toEqual({ visible: false });
    expect(box?.messageFilter).toEqual({});
    expect(box?.highlightedWords).toEqual([]);
    expect(methods(box)).toEqual([
      "setPresence",
      "select",
      "mount",
      "setMessageFilter",
      "setPresence",
      "setHighlightedWords",
      "setMessageFilter",
      "setHighlightedWords",
    ]);
  });

  it("applies an Inbox's feedFilter with setFeedFilter", async () => {
    const { fake, talk } = setup();
    const inbox = createInbox(talk, { feedFilter: { hasUnreadMessages: true } });
    inbox.mount(element());
    await settle();
    inbox.setOptions({ feedFilter: { hasUnreadMessages: false } });
    await settle();
    expect(fake.boxes).toHaveLength(1);
    expect(
      liveBox(fake)
        ?.calls.filter((call) => call.method === "setFeedFilter")
        .map((call) => call.args),
    ).toEqual([[{ hasUnreadMessages: true }], [{ hasUnreadMessages: false }]]);
  });

  it("shows and hides a mounted Popup; a change while it mounts is applied once it is mounted", async () => {
    const { fake, talk } = setup({}, { mountDelayMs: 50 });
    const popup = createPopup(talk, { conversationId: "order-1", show: false });
    popup.mount();
    await settle();
    expect(popup.getState().status).toBe("mounting");
    popup.setOptions({ conversationId: "order-1", show: true });
    await settle(50);
    const box = liveBox(fake) as FakePopup;
    expect(methods(box)).toEqual(["select", "mount", "show"]);
    expect(box.shown).toBe(true);
    popup.setOptions({ conversationId: "order-1" });
    popup.setOptions({ conversationId: "order-1", show: false });
    await settle();
    expect(methods(box).slice(3)).toEqual(["hide"]);
    expect(box.shown).toBe(false);
  });

  it("re-creates the box in the same element with the same conversation when a creation-only option changes", async () => {
    const { fake, talk } = setup();
    const container = element();
    const chatbox = createChatbox(talk, { conversationId: "order-1", showChatHeader: true });
    chatbox.mount(container);
    await settle();
    chatbox.setOptions({ conversationId: "order-1", showChatHeader: false });
    const [first, second] = fake.boxes;
    expect(first?.isAlive).toBe(false);
    expect(chatbox.getState()).toMatchObject({ status: "mounting", box: second });
    await settle();
    expect(fake.peakLiveBoxes()).toBe(1);
    expect(second?.options).toEqual({ showChatHeader: false });
    expect(second?.container).toBe(container);
    expect(second?.conversationId).toBe("order-1");
    expect(chatbox.getState()).toMatchObject({ status: "mounted", box: second });
  });
});

describe("following the session", () => {
  it("moves to the new session on a user switch: same element, same conversation, the old box destroyed", async () => {
    const { fake, talk } = setup();
    const container = element();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(container);
    await settle();
    const [oldSession] = fake.sessions;
    switchUser(talk, fake, "alice");
    const [first] = fake.boxes;
    expect(first?.isAlive).toBe(false);
    expect(chatbox.getState()).toEqual({ status: "waiting", box: undefined, error: undefined });
    await settle();
    const second = liveBox(fake);
    expect(fake.boxes).toHaveLength(2);
    expect(fake.peakLiveBoxes()).toBe(1);
    expect(second?.session).not.toBe(oldSession);
    expect(second?.session.me.id).toBe("alice");
    expect(second?.container).toBe(container);
    expect(second?.conversationId).toBe("order-1");
    expect(chatbox.getState()).toMatchObject({ status: "mounted", box: second });
  });

  it("waits without a box while the session is in error, and builds it again after retry()", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(element());
    await settle();
    fake.failNextSession();
    switchUser(talk, fake, "alice");
    await settle();
    expect(talk.getState().status).toBe("error");
    expect(chatbox.getState()).toEqual({ status: "waiting", box: undefined, error: undefined });
    expect(fake.liveBoxes()).toHaveLength(0);
    talk.retry();
    await settle();
    expect(chatbox.getState().status).toBe("mounted");
    expect(liveBox(fake)?.session.me.id).toBe("alice");
  });

  it("ends in error, not waiting for ever, when its session controller is destroyed", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const boxErrors: SessionError[] = [];
    chatbox.on("error", (error) => boxErrors.push(error));
    chatbox.mount(element());
    await settle();
    talk.destroy();
    const { status, box, error } = chatbox.getState();
    expect({ status, box }).toEqual({ status: "error", box: undefined });
    expect(error?.code).toBe("ui-failed");
    expect(error?.message).toMatch(/destroyed/);
    expect(boxErrors).toEqual([error]);
    expect(fake.liveBoxes()).toHaveLength(0);
    chatbox.setOptions({ conversationId: "order-2" });
    expect(chatbox.getState().status).toBe("error");
  });

  it("ends in error when mounted under a session controller that is already destroyed", () => {
    const { talk } = setup();
    talk.destroy();
    const inbox = createInbox(talk, {});
    inbox.mount(element());
    expect(inbox.getState().status).toBe("error");
  });
});

describe("box events", () => {
  it("keeps handlers across re-created boxes, with one SDK subscription per event name", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const first = vi.fn();
    const second = vi.fn();
    chatbox.on("sendMessage", first);
    chatbox.mount(element());
    chatbox.on("sendMessage", second);
    await settle();
    expect(liveBox(fake)?.subscriptionCount()).toBe(1);
    chatbox.setOptions({ conversationId: "order-1", showChatHeader: false });
    switchUser(talk, fake, "alice");
    await settle();
    const box = liveChatbox(fake);
    expect(fake.boxes).toHaveLength(3);
    expect(box?.subscriptionCount()).toBe(1);
    box?.emit("sendMessage");
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(first.mock.calls[0]?.[0]).toMatchObject({ conversation: { id: "order-1" } });
  });

  it("subscribes custom actions with the one-argument form, so every action reaches the handler", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const actions: string[] = [];
    chatbox.on("customMessageAction", (event) => actions.push(event.action));
    chatbox.mount(element());
    await settle();
    const box = liveChatbox(fake);
    const subscribe = box?.calls.find((call) => call.method === "onCustomMessageAction");
    expect(subscribe?.args).toHaveLength(1);
    box?.emit("customMessageAction", { action: "reply" });
    box?.emit("customMessageAction", { action: "flag" });
    expect(actions).toEqual(["reply", "flag"]);
  });

  it("reports a throwing handler as handler-failed through the session and still runs the others", async () => {
    const { fake, talk } = setup();
    const reported = errors(talk);
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const cause = new Error("handler bug");
    const after = vi.fn();
    chatbox.on("focus", () => {
      throw cause;
    });
    chatbox.on("focus", after);
    chatbox.mount(element());
    await settle();
    liveChatbox(fake)?.emit("focus");
    expect(after).toHaveBeenCalledTimes(1);
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ code: "handler-failed", cause });
    expect(talk.getState().status).toBe("ready");
  });

  it("reports a box handler's rejected promise as handler-failed instead of an unhandled rejection", async () => {
    const { fake, talk } = setup();
    const reported = errors(talk);
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const cause = new Error("async handler bug");
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the case under test: a handler typed as returning nothing hands back a rejected promise
    chatbox.on("sendMessage", () => Promise.reject(cause));
    chatbox.mount(element());
    await settle();
    liveChatbox(fake)?.emit("sendMessage");
    await settle();
    expect(reported).toMatchObject([{ code: "handler-failed", cause }]);
  });

  it("skips a handler removed during a dispatch and stops the dispatch when a handler destroys the controller", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const calls: string[] = [];
    const offs: Array<() => void> = [];
    offs.push(chatbox.on("blur", () => (calls.push("first"), offs[1]?.())));
    offs.push(chatbox.on("blur", () => calls.push("removed")));
    chatbox.on("blur", () => {
      calls.push("destroying");
      chatbox.destroy();
    });
    chatbox.on("blur", () => calls.push("after destroy"));
    chatbox.mount(element());
    await settle();
    const box = liveChatbox(fake);
    box?.emit("blur");
    expect(calls).toEqual(["first", "destroying"]);
    expect(box?.isAlive).toBe(false);
  });

  it("no longer calls a removed handler", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const handler = vi.fn();
    const off = chatbox.on("keyup", handler);
    chatbox.mount(element());
    await settle();
    off();
    off();
    liveChatbox(fake)?.emit("keyup");
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("failures", () => {
  it.each<[string, (fake: FakeTalk) => void]>([
    ["mount()", (fake) => fake.failNextMount(new Error("iframe blocked"))],
    ["select()", (fake) => fake.failNextSelect(new Error("iframe blocked"))],
  ])(
    "turns a failed %s into a ui-failed error: box controller in error, its error event and the session's once, session still ready",
    async (_, inject) => {
      const { fake, talk } = setup();
      const reported = errors(talk);
      const chatbox = createChatbox(talk, { conversationId: "order-1" });
      const emitted: SessionError[] = [];
      chatbox.on("error", (error) => emitted.push(error));
      chatbox.mount(element());
      await settle();
      inject(fake);
      chatbox.setOptions({ conversationId: "order-1", showChatHeader: false });
      await settle();
      const { status, box, error } = chatbox.getState();
      expect({ status, box }).toEqual({ status: "error", box: undefined });
      expect(error).toMatchObject({ name: "SessionError", code: "ui-failed", cause: new Error("iframe blocked") });
      expect(reported).toEqual([error]);
      expect(emitted).toEqual([error]);
      expect(talk.getState().status).toBe("ready");
      expect(fake.liveBoxes()).toHaveLength(0);
    },
  );

  it("turns a syncConversation that throws into a ui-failed error, reported once while nothing changes", async () => {
    const { fake, talk } = setup();
    const reported = errors(talk);
    const cause = new Error("no such order");
    const syncConversation = vi.fn(() => {
      throw cause;
    });
    const chatbox = createChatbox(talk, { syncConversation });
    chatbox.mount(element());
    await settle();
    expect(chatbox.getState().error).toMatchObject({ code: "ui-failed", cause });
    fake.setUnreads(2);
    chatbox.setOptions({ syncConversation });
    await settle();
    expect(reported).toEqual([chatbox.getState().error]);
    expect(syncConversation).toHaveBeenCalledTimes(1);
  });

  it("stays in error for equal options, and builds the box again for a new conversation or the next session", async () => {
    const { fake, talk } = setup();
    const reported = errors(talk);
    fake.failSelects(new Error("no access"));
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(element());
    await settle();
    const failure = chatbox.getState();
    for (let render = 0; render < 10; render++) chatbox.setOptions({ conversationId: "order-1" });
    await settle();
    expect(chatbox.getState()).toBe(failure);
    expect(reported).toHaveLength(1);
    expect(fake.boxes).toHaveLength(1);

    fake.failSelects(false);
    chatbox.setOptions({ conversationId: "order-2" });
    await settle();
    expect(chatbox.getState()).toMatchObject({ status: "mounted", error: undefined });
    expect(liveBox(fake)?.conversationId).toBe("order-2");

    fake.failNextMount();
    chatbox.setOptions({ conversationId: "order-2", showChatHeader: false });
    await settle();
    expect(chatbox.getState().status).toBe("error");
    switchUser(talk, fake, "alice");
    await settle();
    expect(chatbox.getState().status).toBe("mounted");
    expect(fake.peakLiveBoxes()).toBe(1);
  });
});

/** A box call held open by `holdBoxCalls`, settled by the test: even after its box is gone, as a slow SDK might. */
interface HeldCall {
  readonly method: "mount" | "select";
  readonly box: AnyFakeUIBox;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Makes every mount() and select() of boxes created on the live session answer only when the test says so. */
function holdBoxCalls(talk: SessionController): HeldCall[] {
  const held: HeldCall[] = [];
  const session = talk.getState().session as unknown as FakeSession;
  for (const create of ["createChatbox", "createInbox", "createPopup"] as const) {
    const original = session[create].bind(session) as (options?: object) => AnyFakeUIBox;
    vi.spyOn(session, create).mockImplementation(((options?: object) => {
      const box = original(options);
      for (const method of ["mount", "select"] as const) {
        const call = (box[method] as (...args: unknown[]) => Promise<void>).bind(box);
        Object.defineProperty(box, method, {
          value: (...args: unknown[]) => {
            call(...args).catch(() => {});
            return new Promise<void>((resolve, reject) => held.push({ method, box, resolve, reject }));
          },
        });
      }
      return box;
    }) as never);
  }
  return held;
}

describe("an attempt that is no longer current changes nothing", () => {
  type Change = (
    chatbox: UIBoxController<"chatbox">,
    unmount: () => void,
    talk: SessionController,
    fake: FakeTalk,
  ) => void;
  const changes: Array<[string, Change]> = [
    ["unmounted", (_, unmount) => unmount()],
    ["re-created", (chatbox) => chatbox.setOptions({ conversationId: "order-1", showChatHeader: false })],
    ["destroyed", (chatbox) => chatbox.destroy()],
    ["moved to another user's session", (_, __, talk, fake) => switchUser(talk, fake, "alice")],
  ];

  async function mountHeld() {
    const { fake, talk } = setup();
    const reported = errors(talk);
    talk.connect();
    await settle();
    const held = holdBoxCalls(talk);
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const unmount = chatbox.mount(element());
    await settle();
    expect(chatbox.getState().status).toBe("mounting");
    expect(held.map((call) => call.method)).toEqual(["select", "mount"]);
    return { fake, talk, reported, chatbox, unmount, held };
  }

  it.each(changes)("a mount() that fails after the box was %s reports nothing", async (_, change) => {
    const { fake, talk, reported, chatbox, unmount, held } = await mountHeld();
    change(chatbox, unmount, talk, fake);
    for (const call of held.splice(0, 2)) call.reject(new Error("late failure"));
    await settle(10);
    expect(reported).toEqual([]);
    expect(chatbox.getState().error).toBeUndefined();
    expect(fake.peakLiveBoxes()).toBe(1);
  });

  it.each(changes)("a mount() that succeeds after the box was %s does not mark it mounted", async (_, change) => {
    const { fake, talk, chatbox, unmount, held } = await mountHeld();
    const [old] = fake.boxes;
    change(chatbox, unmount, talk, fake);
    const states: UIBoxState[] = [chatbox.getState()];
    chatbox.subscribe((state) => states.push(state));
    for (const call of held.splice(0, 2)) call.resolve();
    await settle(10);
    expect(states.filter((state) => state.box === old)).toEqual([]);
  });

  it("a select() that rejects after a newer conversation's box replaced it reports nothing", async () => {
    const { chatbox, reported, held } = await mountHeld();
    for (const call of held.splice(0)) call.resolve();
    await settle();
    chatbox.setOptions({ conversationId: "order-2" });
    chatbox.setOptions({ conversationId: "order-2", showChatHeader: false });
    const [lateSelect] = held.splice(0, 1);
    lateSelect?.reject(new Error("late"));
    for (const call of held.splice(0)) call.resolve();
    await settle();
    expect(reported).toEqual([]);
    expect(chatbox.getState().status).toBe("mounted");
  });
});

describe("re-entrant calls", () => {
  it("lets a listener destroy the controller when the box is created: no mount, box destroyed, session released", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.subscribe((state) => state.status === "mounting" && chatbox.destroy());
    chatbox.mount(element());
    await settle(10);
    expect(methods(fake.boxes[0])).toEqual(["destroy"]);
    expect(chatbox.getState().status).toBe("idle");
    expect(talk.getState().status).toBe("idle");
  });

  it("lets a session listener that mount()'s connect() wakes destroy the box: no box, session released", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    talk.subscribe((state) => state.status === "loading" && chatbox.destroy());
    chatbox.mount(element());
    await settle(10);
    expect(fake.boxes).toHaveLength(0);
    expect(chatbox.getState().status).toBe("idle");
    expect(talk.getState().status).toBe("idle");
  });

  it("lets a session listener that mount()'s connect() wakes mount the box elsewhere: that mount wins", async () => {
    const { fake, talk } = setup();
    const [first, second] = [element(), element()];
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    let unmountSecond = () => {};
    talk.subscribe((state) => {
      if (state.status === "loading") unmountSecond = chatbox.mount(second);
    });
    const unmountFirst = chatbox.mount(first);
    await settle();
    expect(fake.boxes).toHaveLength(1);
    expect(liveBox(fake)?.container).toBe(second);
    unmountFirst();
    await settle();
    expect(chatbox.getState().status).toBe("mounted");
    unmountSecond();
    await settle(10);
    expect(fake.liveBoxes()).toHaveLength(0);
    expect(talk.getState().status).toBe("idle");
  });

  it("lets a listener change the conversation while the box is being created: the latest one is selected", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.subscribe((state) => {
      if (state.status === "mounting") chatbox.setOptions({ conversationId: "order-2" });
    });
    chatbox.mount(element());
    await settle();
    const box = liveBox(fake);
    expect(fake.boxes).toHaveLength(1);
    expect(box?.calls.map(({ method, args }) => [method, args[0]])).toEqual([
      ["select", "order-2"],
      ["mount", box?.container],
    ]);
    expect(chatbox.getState().status).toBe("mounted");
  });

  it("lets a listener unmount and mount again, and a handler re-create the box", async () => {
    const { fake, talk } = setup();
    const container = element();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    let unmount = chatbox.mount(container);
    let remounted = false;
    chatbox.subscribe((state) => {
      if (state.status !== "mounted" || remounted) return;
      remounted = true;
      unmount();
      unmount = chatbox.mount(container);
    });
    chatbox.on("sendMessage", () => chatbox.setOptions({ conversationId: "order-3", showChatHeader: false }));
    await settle();
    liveChatbox(fake)?.emit("sendMessage");
    await settle();
    expect(fake.boxes).toHaveLength(3);
    expect(fake.peakLiveBoxes()).toBe(1);
    expect(liveBox(fake)?.conversationId).toBe("order-3");
    expect(chatbox.getState().status).toBe("mounted");
    unmount();
    await settle(10);
    expect(fake.liveBoxes()).toHaveLength(0);
    expect(talk.getState().status).toBe("idle");
  });

  it("lets a handler that TalkJS calls during select() change the options: the newer options win", async () => {
    const { fake, talk } = setup();
    const popup = createPopup(talk, { conversationId: "order-1" });
    popup.subscribe(({ status, box }) => {
      if (status !== "mounting" || !box) return;
      const select = box.select.bind(box);
      // As an SDK that emits synchronously would.
      box.select = (...args) => {
        const selecting = select(...args);
        if ((box as unknown as FakePopup).mounted) (box as unknown as FakePopup).emit("focus");
        return selecting;
      };
    });
    popup.on("focus", () => popup.setOptions({ conversationId: "order-2", show: false }));
    popup.mount();
    await settle();
    popup.setOptions({ conversationId: "order-2", show: true });
    await settle();
    const box = liveBox(fake) as FakePopup;
    expect(methods(box)).toEqual(["onFocus", "select", "mount", "select", "hide"]);
    expect(box.shown).toBe(false);
  });

  it("tells later listeners only the newest state when an earlier listener changed it", async () => {
    const { talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.subscribe((state) => state.status === "mounting" && chatbox.destroy());
    const seen: string[] = [];
    chatbox.subscribe((state) => seen.push(state.status));
    chatbox.mount(element());
    await settle();
    expect(seen).toEqual(["waiting", "idle"]);
  });

  it("lets syncConversation change the options: the newer options win", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, {
      syncConversation: (session) => {
        chatbox.setOptions({ conversationId: "order-2" });
        return session.getOrCreateConversation("order-1");
      },
    });
    chatbox.mount(element());
    await settle();
    expect(fake.boxes).toHaveLength(1);
    expect(methods(liveBox(fake))).toEqual(["select", "mount"]);
    expect(liveBox(fake)?.conversationId).toBe("order-2");
  });

  it("lets a listener mount again while mount() replaces an earlier mount: one mount remains", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(element());
    await settle();
    const fromListener = element();
    let remount: (() => void) | undefined;
    chatbox.subscribe((state) => {
      if (state.status === "idle" && !remount) remount = chatbox.mount(fromListener);
    });
    const last = element();
    const unmount = chatbox.mount(last);
    await settle();
    expect(liveBox(fake)?.container).toBe(last);
    expect(fake.peakLiveBoxes()).toBe(1);
    remount?.();
    expect(chatbox.getState().status).toBe("mounted");
    unmount();
    await settle(10);
    expect(talk.getState().status).toBe("idle");
  });

  it("reports a throwing state listener as handler-failed and keeps going", async () => {
    const { talk } = setup();
    const reported = errors(talk);
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.subscribe(() => {
      throw new Error("listener bug");
    });
    chatbox.mount(element());
    await settle();
    expect(chatbox.getState().status).toBe("mounted");
    expect(reported.map((error) => error.code)).toEqual(["handler-failed", "handler-failed", "handler-failed"]);
  });
});

describe("destroy()", () => {
  it("is final and idempotent: destroys the box, releases the session, and drops listeners and handlers", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    const listener = vi.fn();
    const handler = vi.fn();
    chatbox.subscribe(listener);
    chatbox.on("sendMessage", handler);
    chatbox.mount(element());
    await settle();
    const box = liveBox(fake);
    listener.mockClear();
    chatbox.destroy();
    chatbox.destroy();
    expect(box?.isAlive).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(chatbox.getState().status).toBe("idle");
    const unmount = chatbox.mount(element());
    chatbox.setOptions({ conversationId: "order-2" });
    chatbox.on("sendMessage", handler)();
    chatbox.subscribe(listener)();
    unmount();
    await settle(10);
    expect(talk.getState().status).toBe("idle");
    expect(fake.boxes).toHaveLength(1);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("each kind", () => {
  it.each<[UIBoxKind, (talk: SessionController) => Pick<UIBoxController, "mount">]>([
    ["chatbox", (talk) => createChatbox(talk, { conversationId: "order-1" })],
    ["inbox", (talk) => createInbox(talk, { conversationId: "order-1" })],
    ["popup", (talk) => createPopup(talk, { conversationId: "order-1" })],
  ])("%s: creates its kind of box on the session", async (kind, create) => {
    const { fake, talk } = setup();
    create(talk).mount(element());
    await settle();
    expect(fake.boxes.map((box) => box.kind)).toEqual([kind]);
    expect((talk.getState().session as unknown as FakeSession).isAlive).toBe(true);
  });
});

describe("only the latest call decides", () => {
  it("a superseded select() that fails does nothing: the box ends on the last conversation", async () => {
    const { fake, talk } = setup();
    const seen = errors(talk);
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(element());
    await settle();
    fake.delaySelects(500);
    fake.failNextSelect(new Error("order-2 is gone"));
    chatbox.setOptions({ conversationId: "order-2" });
    fake.delaySelects(0);
    chatbox.setOptions({ conversationId: "order-3" });
    await settle(10);
    expect(liveChatbox(fake)?.conversationId).toBe("order-3");
    await settle(600);
    expect(chatbox.getState().status).toBe("mounted");
    expect(liveChatbox(fake)?.conversationId).toBe("order-3");
    expect(seen).toEqual([]);
  });

  it("a superseded select() that succeeds late does not undo the newer one's failure", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(element());
    await settle();
    fake.delaySelects(500);
    chatbox.setOptions({ conversationId: "order-2" });
    fake.delaySelects(0);
    fake.failNextSelect(new Error("order-3 is gone"));
    chatbox.setOptions({ conversationId: "order-3" });
    await settle(600);
    expect(chatbox.getState().status).toBe("error");
    expect(chatbox.getState().error?.cause).toEqual(new Error("order-3 is gone"));
  });
});

describe("options compared by content", () => {
  it("an option mutated in place and passed again reaches TalkJS", async () => {
    const { fake, talk } = setup();
    const options = { conversationId: "order-1", highlightedWords: ["refund"], presence: { visible: true } };
    const chatbox = createChatbox(talk, options);
    chatbox.mount(element());
    await settle();
    options.highlightedWords.push("late");
    options.presence.visible = false;
    chatbox.setOptions(options);
    const box = liveChatbox(fake);
    expect(box?.calls.filter((call) => call.method === "setHighlightedWords").at(-1)?.args[0]).toEqual([
      "refund",
      "late",
    ]);
    expect(box?.calls.filter((call) => call.method === "setPresence").at(-1)?.args[0]).toEqual({ visible: false });
    chatbox.setOptions(options);
    expect(methods(box).filter((method) => method === "setHighlightedWords")).toHaveLength(2);
  });

  it("the same content with its keys in another order changes nothing", async () => {
    const { fake, talk } = setup();
    const chatbox = createChatbox(talk, {
      conversationId: "order-1",
      showChatHeader: false,
      theme: "dark",
      presence: { visible: true, custom: { a: "1", b: "2" } },
    });
    chatbox.mount(element());
    await settle();
    const box = liveChatbox(fake);
    const calls = box?.calls.length;
    chatbox.setOptions({
      presence: { custom: { b: "2", a: "1" }, visible: true },
      theme: "dark",
      showChatHeader: false,
      conversationId: "order-1",
    });
    await settle();
    expect(fake.boxes).toHaveLength(1);
    expect(box?.calls.length).toBe(calls);
  });

  it("cyclic values (a ConversationBuilder in translateConversations, Inbox selected) compare by content", async () => {
    const { fake, talk } = setup();
    talk.connect();
    await settle();
    const session = talk.getState().session!;
    const builder = (id: string) => {
      const conversation = session.getOrCreateConversation(id) as Talk.ConversationBuilder & { self?: unknown };
      conversation.self = conversation; // a cycle, as a real builder's back-references make
      return conversation;
    };

    const inbox = createInbox(talk, { translateConversations: [builder("order-1")], selected: builder("order-1") });
    inbox.mount(element());
    await settle();
    for (let render = 0; render < 5; render++)
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- as above
      inbox.setOptions({ translateConversations: [builder("order-1")], selected: builder("order-1") });
    await settle();
    expect(fake.boxes).toHaveLength(1);
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- as above
    inbox.setOptions({ translateConversations: [builder("order-2")], selected: builder("order-1") });
    await settle();
    expect(fake.boxes).toHaveLength(2);
  });
});

describe("syncConversation", () => {
  it("is asked once per mount and session, not on every render with a new inline function", async () => {
    const { fake, talk } = setup();
    const calls = vi.fn();
    const options = () => ({
      syncConversation: (session: Talk.Session) => {
        calls();
        return session.getOrCreateConversation("order-1");
      },
      showChatHeader: false,
    });
    const chatbox = createChatbox(talk, options());
    chatbox.mount(element());
    await settle();
    expect(calls).toHaveBeenCalledTimes(1);
    for (let render = 0; render < 100; render++) chatbox.setOptions(options());
    await settle();
    expect(calls).toHaveBeenCalledTimes(1);
    expect(liveChatbox(fake)?.conversationId).toBe("order-1");
    // A new session (another user) asks the latest function again.
    switchUser(talk, fake, "sam");
    await settle();
    expect(calls).toHaveBeenCalledTimes(2);
  });
});
