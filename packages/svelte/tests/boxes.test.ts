import { createTalkSession, type SessionError } from "@x/session-core";
import type { FakeInbox, FakePopup, FakeTalk } from "@x/session-testing";
import { fireEvent, render, screen } from "@testing-library/svelte";
import type Talk from "talkjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import BoxHarness from "./harness/BoxHarness.svelte";
import BoundBoxes from "./harness/BoundBoxes.svelte";
import BoxOutsideSession from "./harness/BoxOutsideSession.svelte";
import InPlaceOptions from "./harness/InPlaceOptions.svelte";
import ReactiveWords from "./harness/ReactiveWords.svelte";
import SharedControllerBox from "./harness/SharedControllerBox.svelte";
import { fakeTalk, settle } from "./helpers";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const calls = (talk: FakeTalk, method: string) => talk.boxCalls().filter((call) => call.method === method).length;
const liveBox = (talk: FakeTalk) => talk.liveBoxes()[0];

/** Renders a box component of `kind` inside a `<TalkSession>` for "pete" and lets it mount. */
async function renderBox(kind: "chatbox" | "inbox" | "popup", box: Record<string, unknown>, talk = fakeTalk()) {
  const view = render(BoxHarness, { talk, kind, box });
  await settle();
  return { talk, ...view };
}

describe("<TalkChatbox>", () => {
  it("keeps one box and one select() through 100 prop updates with equal content", async () => {
    const inline = (round: number) => ({
      conversationId: "order-1",
      messageFilter: { type: ["==", "UserMessage"] },
      presence: { visible: true, custom: { round: "same" } },
      highlightedWords: ["order"],
      style: `height: ${String(300 + (round % 2))}px`,
      onSendMessage: () => round,
      onCustomMessageAction: () => round,
      onError: () => round,
    });
    const { talk, rerender } = await renderBox("chatbox", inline(0));
    for (let round = 1; round <= 100; round++) await rerender({ box: inline(round) });
    await settle();

    expect(talk.boxes).toHaveLength(1);
    expect(talk.liveBoxes()).toHaveLength(1);
    expect(liveBox(talk)?.mounted).toBe(true);
    for (const method of ["select", "mount", "setMessageFilter", "setPresence", "setHighlightedWords"]) {
      expect(calls(talk, method), method).toBe(1);
    }
    expect(calls(talk, "onSendMessage")).toBe(1);
    expect(calls(talk, "onCustomMessageAction")).toBe(1);
  });

  it("selects a new conversationId on the same box, and re-selects as a guest when asGuest changes", async () => {
    const { talk, rerender } = await renderBox("chatbox", { conversationId: "order-1" });
    await rerender({ box: { conversationId: "order-2" } });
    await settle();
    const box = liveBox(talk);
    expect(talk.boxes).toHaveLength(1);
    expect(box?.conversationId).toBe("order-2");
    await rerender({ box: { conversationId: "order-2", asGuest: true } });
    await settle();
    expect(box?.calls.filter((call) => call.method === "select").map((call) => call.args)).toEqual([
      ["order-1", { asGuest: false }],
      ["order-2", { asGuest: false }],
      ["order-2", { asGuest: true }],
    ]);
    expect(talk.boxes).toHaveLength(1);
  });

  it("ends on the last conversation after fast switches while selects are slow, on one box", async () => {
    const { talk, rerender } = await renderBox("chatbox", { conversationId: "order-1" });
    talk.delaySelects(50);
    for (const conversationId of ["order-2", "order-3", "order-4"]) await rerender({ box: { conversationId } });
    await settle(200);
    expect(talk.boxes).toHaveLength(1);
    expect(liveBox(talk)?.conversationId).toBe("order-4");
  });

  it("creates no box when it unmounts while the session is still loading", async () => {
    const talk = fakeTalk({ ready: "manual" });
    const { unmount } = render(BoxHarness, { talk, kind: "chatbox", box: { conversationId: "order-1" } });
    await settle();
    unmount();
    talk.resolveReady();
    await settle(1000);
    expect(talk.boxes).toHaveLength(0);
  });

  it("applies messageFilter, presence and highlightedWords with their setters, on the same box", async () => {
    const { talk, rerender } = await renderBox("chatbox", { conversationId: "order-1" });
    const messageFilter: Talk.MessagePredicate = { type: ["==", "SystemMessage"] };
    const presence: Talk.UserPresence = { visible: false };
    await rerender({ box: { conversationId: "order-1", messageFilter, presence, highlightedWords: ["refund"] } });
    await settle();
    const box = liveBox(talk);
    expect(talk.boxes).toHaveLength(1);
    expect(box?.messageFilter).toEqual(messageFilter);
    expect(box?.presence).toEqual(presence);
    expect(box?.highlightedWords).toEqual(["refund"]);
    expect(calls(talk, "select")).toBe(1);
  });

  it("hands TalkJS a plain copy of a $state array and follows its in-place changes", async () => {
    const talk = fakeTalk();
    render(ReactiveWords, { talk });
    await settle();
    await fireEvent.click(screen.getByRole("button", { name: "add a word" }));
    await settle();
    const setHighlightedWords = liveBox(talk)?.calls.filter((call) => call.method === "setHighlightedWords") ?? [];
    expect(setHighlightedWords.map((call) => call.args[0])).toEqual([["hello"], ["hello", "world"]]);
    // structuredClone refuses a Proxy: what TalkJS posts to its iframe must be a plain array.
    expect(() => structuredClone(setHighlightedWords[1]?.args[0])).not.toThrow();
    expect(talk.boxes).toHaveLength(1);
  });

  it("follows in-place changes of nested $state objects, and hands TalkJS and the session plain copies", async () => {
    const talk = fakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    const setOptions = vi.spyOn(controller, "setOptions");
    render(InPlaceOptions, { talk, controller });
    await settle();
    await fireEvent.click(screen.getByRole("button", { name: "change in place" }));
    await settle();
    const box = liveBox(talk);
    expect(box?.presence).toEqual({ visible: true, custom: { mood: "busy" } });
    expect(box?.messageFilter).toEqual({ type: ["==", "SystemMessage"] });
    const given = box?.calls.filter((call) => /^set(Presence|MessageFilter)$/.test(call.method)) ?? [];
    const retry = setOptions.mock.lastCall?.[0].retry;
    expect(retry).toEqual({ attempts: 5 });
    for (const value of [box?.options, retry, ...given.map((call) => call.args[0])])
      expect(() => structuredClone(value)).not.toThrow();
    expect(talk.boxes).toHaveLength(1);
    controller.destroy();
  });

  it("re-creates the box in the same element for an option TalkJS takes only at creation", async () => {
    const { talk, rerender } = await renderBox("chatbox", { conversationId: "order-1", showChatHeader: true });
    const [first] = talk.boxes;
    await rerender({ box: { conversationId: "order-1", showChatHeader: false } });
    await settle();
    const second = liveBox(talk);
    expect(talk.boxes).toHaveLength(2);
    expect(talk.peakLiveBoxes()).toBe(1);
    expect(first?.isAlive).toBe(false);
    expect(second?.options).toEqual({ showChatHeader: false });
    expect(second?.container).toBe(first?.container);
    expect(second?.conversationId).toBe("order-1");
  });

  it("moves to the new session on a user switch: same element, same conversation, old box destroyed", async () => {
    const { talk, rerender } = await renderBox("chatbox", { conversationId: "order-1", class: "chat" });
    const [first] = talk.boxes;
    await rerender({ userId: "alice" });
    await settle();
    const second = liveBox(talk);
    expect(first?.isAlive).toBe(false);
    expect(talk.peakLiveBoxes()).toBe(1);
    expect(second?.session.me.id).toBe("alice");
    expect(second?.container).toBe(first?.container);
    expect(second?.container?.className).toBe("chat");
    expect(second?.conversationId).toBe("order-1");
    expect(second?.mounted).toBe(true);
  });

  it("destroys the box when it unmounts", async () => {
    const { talk, unmount } = await renderBox("chatbox", { conversationId: "order-1" });
    expect(talk.liveBoxes()).toHaveLength(1);
    unmount();
    expect(talk.liveBoxes()).toHaveLength(0);
    expect(talk.boxes[0]?.subscriptionCount()).toBe(0);
  });

  it("calls the latest callback, through one SDK subscription, and a callback added later", async () => {
    const { talk, rerender } = await renderBox("chatbox", { conversationId: "order-1" });
    const early = vi.fn();
    const late = vi.fn<(event: Talk.SendMessageEvent) => void>();
    const focus = vi.fn();
    await rerender({ box: { conversationId: "order-1", onSendMessage: early } });
    await rerender({ box: { conversationId: "order-1", onSendMessage: late, onFocus: focus } });
    talk.emitBoxEvent("sendMessage", { message: { text: "hi" } as Talk.SentMessage });
    talk.emitBoxEvent("focus");
    expect(early).not.toHaveBeenCalled();
    expect(late).toHaveBeenCalledTimes(1);
    expect(late.mock.calls[0]?.[0].message.text).toBe("hi");
    expect(focus).toHaveBeenCalledTimes(1);
    expect(calls(talk, "onSendMessage")).toBe(1);
    await rerender({ box: { conversationId: "order-1" } });
    talk.emitBoxEvent("sendMessage");
    expect(late).toHaveBeenCalledTimes(1);
  });

  it("lets a callback unmount the component while the box emits", async () => {
    const talk = fakeTalk();
    const view = render(BoxHarness, {
      talk,
      kind: "chatbox",
      box: { conversationId: "order-1", onSendMessage: () => view.unmount() },
    });
    await settle();
    expect(() => talk.emitBoxEvent("sendMessage")).not.toThrow();
    await settle();
    expect(talk.liveBoxes()).toHaveLength(0);
  });

  it("calls syncConversation with the live session and selects its ConversationBuilder", async () => {
    const syncConversation = vi.fn((session: Talk.Session) => session.getOrCreateConversation("order-7"));
    const { talk } = await renderBox("chatbox", { syncConversation });
    const [session] = talk.liveSessions();
    expect(syncConversation).toHaveBeenCalledWith(session);
    expect(liveBox(talk)?.conversationId).toBe("order-7");
  });

  it("shows the loading snippet, with the box element hidden, until the box is mounted", async () => {
    const talk = fakeTalk();
    talk.delayMounts(100);
    const { container } = render(BoxHarness, {
      talk,
      kind: "chatbox",
      box: { conversationId: "order-1", class: "chat", style: "height: 300px" },
      withLoading: true,
    });
    const [loadingElement, boxElement] = container.querySelectorAll<HTMLElement>(".chat");
    expect(loadingElement?.textContent).toBe("Loading the box…");
    expect(loadingElement?.style.height).toBe("300px");
    expect(boxElement?.style.display).toBe("none");
    await settle(50);
    expect(screen.getByTestId("loading")).toBeTruthy();
    expect(boxElement?.style.display).toBe("none");
    await settle(100);
    expect(liveBox(talk)?.container).toBe(boxElement);
    expect(screen.queryByTestId("loading")).toBeNull();
    expect(boxElement?.style.display).toBe("");
    expect(boxElement?.style.height).toBe("300px");
    expect(container.querySelectorAll(".chat")).toHaveLength(1);
  });

  it("hides the loading snippet once the box fails to mount, and keeps the box element hidden", async () => {
    const talk = fakeTalk();
    talk.failNextMount(new Error("iframe blocked"));
    const { container } = render(BoxHarness, {
      talk,
      kind: "chatbox",
      box: { conversationId: "order-1", class: "chat" },
      withLoading: true,
    });
    expect(screen.getByTestId("loading")).toBeTruthy();
    await settle();
    expect(screen.queryByTestId("loading")).toBeNull();
    const elements = container.querySelectorAll<HTMLElement>(".chat");
    expect(elements).toHaveLength(1);
    expect(elements[0]?.style.display).toBe("none");
  });

  it.each(["waiting", "mounted"] as const)(
    "ends in error, with no loading snippet, when its session controller is destroyed while %s",
    async (when) => {
      const talk = fakeTalk();
      const controller = createTalkSession({
        appId: "test-app",
        userId: "pete",
        talk,
        // A session that never gets its token keeps the box waiting.
        ...(when === "waiting" ? { tokenFetcher: () => new Promise<string>(() => {}) } : {}),
      });
      const onError = vi.fn<(error: SessionError) => void>();
      render(SharedControllerBox, { controller, onError });
      await settle();
      expect(liveBox(talk)?.mounted ?? false).toBe(when === "mounted");
      expect(screen.queryByTestId("loading") !== null).toBe(when === "waiting");

      controller.destroy();
      await settle();
      expect(onError.mock.calls.map(([error]) => error.code)).toEqual(["ui-failed"]);
      expect(screen.queryByTestId("loading")).toBeNull();
    },
  );

  it("reports a failed mount to onError and to the session's error event as ui-failed", async () => {
    const talk = fakeTalk();
    const failure = new Error("iframe blocked");
    talk.failNextMount(failure);
    const onError = vi.fn<(error: SessionError) => void>();
    const onSessionError = vi.fn<(error: SessionError) => void>();
    render(BoxHarness, { talk, kind: "chatbox", box: { conversationId: "order-1", onError }, onSessionError });
    await settle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: "ui-failed", cause: failure });
    expect(onSessionError.mock.calls.map(([error]) => error)).toEqual([onError.mock.calls[0]?.[0]]);
    expect(talk.liveSessions()).toHaveLength(1);
  });

  it("reports a failed select to the latest onError", async () => {
    const { talk, rerender } = await renderBox("chatbox", { conversationId: "order-1" });
    const onError = vi.fn<(error: SessionError) => void>();
    talk.failNextSelect();
    await rerender({ box: { conversationId: "order-2", onError } });
    await settle();
    expect(onError.mock.calls.map(([error]) => error.code)).toEqual(["ui-failed"]);
  });

  it("binds box to the live box, follows a re-creation and a user switch, and clears it on unmount", async () => {
    const talk = fakeTalk();
    const seen: { chatbox: (Talk.Chatbox | undefined)[]; popup: (Talk.Popup | undefined)[] } = {
      chatbox: [],
      popup: [],
    };
    const { rerender } = render(BoundBoxes, { talk, seen });
    await settle();
    const live = () => talk.liveBoxes().find((box) => box.kind === "chatbox");
    expect(seen.chatbox.at(-1)).toBe(live());
    expect(seen.popup.at(-1)).toBe(talk.liveBoxes().find((box) => box.kind === "popup"));
    await rerender({ showChatHeader: false });
    await settle();
    expect(seen.chatbox.at(-1)).toBe(live());
    expect(talk.boxes.filter((box) => box.kind === "chatbox")).toHaveLength(2);
    await rerender({ userId: "alice" });
    await settle();
    expect(seen.chatbox.at(-1)).toBe(live());
    expect(live()?.session.me.id).toBe("alice");
    await rerender({ mounted: false });
    await settle();
    expect(talk.liveBoxes()).toHaveLength(0);
    expect(seen.chatbox.at(-1)).toBeUndefined();
    expect(seen.popup.at(-1)).toBeUndefined();
  });

  it("says where it belongs when rendered outside a <TalkSession>", () => {
    expect(() => render(BoxOutsideSession)).toThrow("<TalkInbox> must be used inside <TalkSession>.");
  });
});

describe("<TalkInbox>", () => {
  it("mounts with no conversation, applies feedFilter in place and selects a conversation on the same box", async () => {
    const { talk, rerender } = await renderBox("inbox", {});
    const inbox = liveBox(talk) as FakeInbox;
    expect(inbox.mounted).toBe(true);
    const feedFilter: Talk.ConversationPredicate = { custom: { category: ["==", "support"] } };
    await rerender({ box: { feedFilter } });
    await rerender({ box: { feedFilter, conversationId: "order-3" } });
    await settle();
    expect(inbox.feedFilter).toEqual(feedFilter);
    expect(inbox.conversationId).toBe("order-3");
    expect(talk.boxes).toHaveLength(1);
  });

  it("calls onConversationSelected with the SDK's event", async () => {
    const onConversationSelected = vi.fn();
    const { talk } = await renderBox("inbox", { conversationId: "order-1", onConversationSelected });
    onConversationSelected.mockClear();
    talk.emitBoxEvent("conversationSelected", { conversation: null });
    expect(onConversationSelected).toHaveBeenCalledWith(expect.objectContaining({ conversation: null }));
  });
});

describe("<TalkPopup>", () => {
  it("renders nothing, opens when show is absent and follows show with show()/hide() on the same box", async () => {
    const { talk, rerender, container } = await renderBox("popup", { conversationId: "order-1" });
    const popup = liveBox(talk) as FakePopup;
    expect(container.innerHTML.replace(/<!---->/g, "")).toBe("");
    expect(popup.calls.find((call) => call.method === "mount")?.args).toEqual([{ show: true }]);
    expect(popup.shown).toBe(true);
    await rerender({ box: { conversationId: "order-1", show: false } });
    await settle();
    expect(popup.shown).toBe(false);
    await rerender({ box: { conversationId: "order-1", show: true } });
    await settle();
    expect(popup.shown).toBe(true);
    expect(popup.callCount("hide")).toBe(1);
    expect(popup.callCount("show")).toBe(1);
    expect(talk.boxes).toHaveLength(1);
  });

  it("mounts closed with show={false} and calls onOpen and onClose", async () => {
    const onOpen = vi.fn();
    const onClose = vi.fn();
    const { talk } = await renderBox("popup", { conversationId: "order-1", show: false, onOpen, onClose });
    const popup = liveBox(talk) as FakePopup;
    expect(popup.shown).toBe(false);
    talk.emitBoxEvent("open");
    talk.emitBoxEvent("close");
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
