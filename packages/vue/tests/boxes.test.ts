import { createTalkSession, type SessionError } from "@x/session-core";
import { createFakeTalk, type FakePopup, type FakeTalk } from "@x/session-testing";
import { enableAutoUnmount, flushPromises, mount } from "@vue/test-utils";
import type Talk from "talkjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSSRApp, defineComponent, h, isProxy, nextTick, reactive, ref } from "vue";
import { renderToString } from "vue/server-renderer";
import { TalkChatbox, TalkInbox, TalkPopup, TalkSession, type TalkChatboxExposed } from "../src";

enableAutoUnmount(afterEach);

let talk: FakeTalk;
beforeEach(() => {
  talk = createFakeTalk();
});

const calls = (method: string) => talk.boxCalls().filter((call) => call.method === method).length;

/** The first live box, once it is mounted. */
async function mountedBox() {
  await vi.waitFor(() => expect(talk.liveBoxes()[0]?.mounted).toBe(true));
  return talk.liveBoxes()[0]!;
}

/** The `index`th box created, once it is mounted. */
async function mountedNth(index: number) {
  await vi.waitFor(() => expect(talk.boxes[index]?.mounted).toBe(true));
  return talk.boxes[index]!;
}

/**
 * Mounts `template` inside a `<TalkSession>` for `state.userId`; the template sees `state` (reactive, for the test to
 * change) and `talk`.
 */
function mountInSession<State extends object>(template: string, initial: State) {
  const state = reactive({ userId: "pete", ...initial });
  const Parent = defineComponent({
    components: { TalkSession, TalkChatbox, TalkInbox, TalkPopup },
    setup: () => ({ state, talk }),
    template: `<TalkSession app-id="test-app" :user-id="state.userId" :talk="talk">${template}</TalkSession>`,
  });
  return { wrapper: mount(Parent, { attachTo: document.body }), state };
}

describe("<TalkChatbox>", () => {
  it("keeps one box, one select() and one subscription per event through 100 parent re-renders with inline props", async () => {
    const { state } = mountInSession(
      `<TalkChatbox conversation-id="order-1" :message-filter="{ type: ['==', 'UserMessage'] }"
        :presence="{ visible: true }" :highlighted-words="['order']" :style="{ height: 300 + (state.round % 2) + 'px' }"
        show-chat-header @send-message="() => state.round" @custom-message-action="(event) => [event, state.round]"
        @error="() => state.round" />`,
      { round: 0 },
    );
    await mountedBox();
    for (let round = 1; round <= 100; round++) {
      state.round = round;
      await nextTick();
    }
    await flushPromises();

    expect(talk.boxes).toHaveLength(1);
    expect(talk.liveBoxes()).toHaveLength(1);
    expect(calls("select")).toBe(1);
    expect(calls("mount")).toBe(1);
    expect(calls("setMessageFilter")).toBe(1);
    expect(calls("setPresence")).toBe(1);
    expect(calls("setHighlightedWords")).toBe(1);
    expect(calls("onSendMessage")).toBe(1);
    expect(calls("onCustomMessageAction")).toBe(1);
    expect(talk.boxes[0]!.options).toMatchObject({ showChatHeader: true });
  });

  it("selects a new conversation-id on the same box, as a guest when as-guest changes", async () => {
    const { state } = mountInSession(`<TalkChatbox :conversation-id="state.id" :as-guest="state.asGuest" />`, {
      id: "order-1",
      asGuest: undefined as boolean | undefined,
    });
    const box = await mountedBox();
    expect(box.conversationId).toBe("order-1");

    state.id = "order-2";
    await vi.waitFor(() => expect(box.conversationId).toBe("order-2"));
    state.asGuest = true;
    await vi.waitFor(() => expect(box.asGuest).toBe(true));

    expect(talk.boxes).toHaveLength(1);
    expect(box.calls.filter((call) => call.method === "select").map((call) => call.args)).toEqual([
      ["order-1", { asGuest: false }],
      ["order-2", { asGuest: false }],
      ["order-2", { asGuest: true }],
    ]);
  });

  it("applies message-filter, presence and highlighted-words with their setters, on the same box", async () => {
    const { state } = mountInSession(
      `<TalkChatbox conversation-id="order-1" :highlighted-words="state.words" :presence="{ visible: state.visible }"
        :message-filter="{ type: ['==', state.type] }" />`,
      { words: ["a"], visible: true, type: "UserMessage" },
    );
    const box = await mountedBox();
    Object.assign(state, { words: ["b"], visible: false, type: "SystemMessage" });
    await flushPromises();

    expect(talk.boxes).toHaveLength(1);
    expect(box.highlightedWords).toEqual(["b"]);
    expect(box.presence).toEqual({ visible: false });
    expect(box.messageFilter).toEqual({ type: ["==", "SystemMessage"] });
    expect(calls("select")).toBe(1);
  });

  it("applies options changed in place (an array pushed to, nested objects) with their setters", async () => {
    const words = ref(["hello"]);
    const presence = reactive({ visible: true, custom: { mood: "calm" } });
    const filter = reactive({ type: ["==", "UserMessage"] as ["==", string] });
    const Parent = defineComponent({
      components: { TalkSession, TalkChatbox },
      setup: () => ({ talk, words, presence, filter }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="talk">
          <TalkChatbox conversation-id="order-1" :highlighted-words="words" :presence="presence" :message-filter="filter" />
        </TalkSession>`,
    });
    mount(Parent, { attachTo: document.body });
    const box = await mountedBox();
    words.value.push("refund");
    presence.custom.mood = "busy";
    filter.type[1] = "SystemMessage";
    await flushPromises();

    expect(box.highlightedWords).toEqual(["hello", "refund"]);
    expect(box.presence).toEqual({ visible: true, custom: { mood: "busy" } });
    expect(box.messageFilter).toEqual({ type: ["==", "SystemMessage"] });
    expect(talk.boxes).toHaveLength(1);
  });

  it("gives TalkJS plain values, never Vue's proxies, at creation and in its setters", async () => {
    const state = reactive({ presence: { visible: true }, words: ["a"], theme: { name: "dark" } });
    const Parent = defineComponent({
      components: { TalkSession, TalkChatbox },
      setup: () => ({ talk, state }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="talk">
          <TalkChatbox conversation-id="order-1" :presence="state.presence" :highlighted-words="state.words"
            :theme="state.theme" />
        </TalkSession>`,
    });
    mount(Parent, { attachTo: document.body });
    const box = await mountedBox();
    state.presence.visible = false;
    state.words.push("b");
    await flushPromises();

    const given = [
      box.options,
      ...box.calls.filter((call) => /^set(Presence|HighlightedWords)$/.test(call.method)).map((call) => call.args[0]),
    ];
    for (const value of given) {
      expect(isProxy(value)).toBe(false);
      expect(() => structuredClone(value)).not.toThrow();
    }
    expect(given).toHaveLength(5);
  });

  it("re-creates the box in the same element for a kebab-case option TalkJS takes only at creation", async () => {
    const { wrapper, state } = mountInSession(
      `<TalkChatbox conversation-id="order-1" :show-chat-header="state.header" class="chat" />`,
      { header: true },
    );
    const first = await mountedBox();
    const element = wrapper.find<HTMLElement>(".chat").element;
    expect(first.container).toBe(element);
    expect(first.options).toMatchObject({ showChatHeader: true });

    state.header = false;
    const second = await mountedNth(1);
    expect(first.isAlive).toBe(false);
    expect(talk.liveBoxes()).toEqual([second]);
    expect(talk.peakLiveBoxes()).toBe(1);
    expect(second.options).toMatchObject({ showChatHeader: false });
    expect(second.container).toBe(element);
    expect(second.conversationId).toBe("order-1");
  });

  it("passes an attribute added after mount to the core, camelized, and a bare one as true", async () => {
    const extra: Record<string, unknown> = {};
    const { state } = mountInSession(`<TalkChatbox conversation-id="order-1" v-bind="state.extra" />`, { extra });
    await mountedBox();
    state.extra = { "show-translation-toggle": "" };
    const second = await mountedNth(1);
    expect(second.options).toEqual({ showTranslationToggle: true });
  });

  it("moves to the new session on a user switch: same element, same conversation, old box destroyed first", async () => {
    const { state } = mountInSession(`<TalkChatbox conversation-id="order-1" />`, {});
    const first = await mountedBox();
    const element = first.container;

    state.userId = "sam";
    const second = await mountedNth(1);
    expect(first.isAlive).toBe(false);
    expect(first.session.isAlive).toBe(false);
    expect(second.session.me.id).toBe("sam");
    expect(second.container).toBe(element);
    expect(second.conversationId).toBe("order-1");
    expect(talk.peakLiveBoxes()).toBe(1);
  });

  it("destroys the box when it unmounts, and keeps the session", async () => {
    const { state } = mountInSession(`<TalkChatbox v-if="state.show" conversation-id="order-1" />`, { show: true });
    const box = await mountedBox();

    state.show = false;
    await nextTick();
    expect(box.isAlive).toBe(false);
    expect(talk.liveBoxes()).toHaveLength(0);
    await flushPromises();
    expect(talk.liveSessions()).toHaveLength(1);
  });

  it("calls the latest listener, through one SDK subscription, and one added after mount", async () => {
    const seen: string[] = [];
    const { state } = mountInSession(
      `<TalkChatbox conversation-id="order-1" @send-message="state.onSend" @focus="state.onFocus" />`,
      { onSend: () => seen.push("first"), onFocus: undefined as (() => void) | undefined },
    );
    const box = await mountedBox();
    state.onSend = () => seen.push("second");
    state.onFocus = () => seen.push("focus");
    await nextTick();
    talk.emitBoxEvent("sendMessage");
    talk.emitBoxEvent("focus");

    expect(seen).toEqual(["second", "focus"]);
    expect(box.callCount("onSendMessage")).toBe(1);
    expect(box.callCount("onFocus")).toBe(1);
  });

  it("calls every merged box listener when one throws, and reports the throw on the session's @error", async () => {
    const boxErrors: SessionError[] = [];
    const sessionErrors: SessionError[] = [];
    const seen: string[] = [];
    const broken = () => {
      seen.push("broken");
      throw new Error("listener broke");
    };
    const Parent = defineComponent({
      components: { TalkSession, TalkChatbox },
      setup: () => ({ talk, seen, broken, boxErrors, sessionErrors }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="talk" @error="(error) => sessionErrors.push(error)">
          <TalkChatbox conversation-id="order-1" v-on="{ sendMessage: broken }" @send-message="() => seen.push('after')"
            @error="(error) => boxErrors.push(error)" />
        </TalkSession>`,
    });
    mount(Parent, { attachTo: document.body });
    await mountedBox();
    talk.emitBoxEvent("sendMessage");
    await flushPromises();
    expect(seen).toEqual(["broken", "after"]);
    // As for the session's handlers: through the session's error event; the box is fine.
    expect(sessionErrors.map((error) => [error.code, (error.cause as Error).message])).toEqual([
      ["handler-failed", "listener broke"],
    ]);
    expect(boxErrors).toEqual([]);
    expect(talk.liveBoxes()[0]?.mounted).toBe(true);
  });

  it("calls sync-conversation with the live session and selects its ConversationBuilder", async () => {
    const sessions: Talk.Session[] = [];
    const syncConversation = (session: Talk.Session) => {
      sessions.push(session);
      return session.getOrCreateConversation("welcome");
    };
    mountInSession(`<TalkChatbox :sync-conversation="state.syncConversation" />`, { syncConversation });
    const box = await mountedBox();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((session) => session === (talk.liveSessions()[0] as Talk.Session | undefined))).toBe(true);
    expect(box.conversationId).toBe("welcome");
  });

  it("exposes the live box, follows a re-creation and returns to undefined on unmount", async () => {
    let exposed: TalkChatboxExposed | undefined;
    const state = reactive({ header: true });
    const wrapper = mount(
      defineComponent(
        () => () =>
          h(TalkSession, { appId: "test-app", userId: "pete", talk }, () =>
            h(TalkChatbox, {
              conversationId: "order-1",
              showChatHeader: state.header,
              ref: (instance) => (exposed = (instance ?? undefined) as TalkChatboxExposed | undefined),
            }),
          ),
      ),
      { attachTo: document.body },
    );
    const first = await mountedBox();
    expect(exposed?.box).toBe(first);

    state.header = false;
    const second = await mountedNth(1);
    expect(exposed?.box).toBe(second);

    const kept = exposed!;
    wrapper.unmount();
    expect(kept.box).toBeUndefined();
  });

  it("shows the loading slot, with the box element hidden, until the box is mounted", async () => {
    talk.delayMounts(Infinity);
    const { wrapper } = mountInSession(
      `<TalkChatbox conversation-id="order-1" class="chat" style="height: 500px">
        <template #loading><span>Loading chat…</span></template>
      </TalkChatbox>`,
      {},
    );
    await vi.waitFor(() => expect(talk.liveBoxes()).toHaveLength(1));
    const [loading, element] = wrapper.findAll<HTMLElement>(".chat").map((found) => found.element);
    expect(loading!.textContent).toBe("Loading chat…");
    expect(loading!.style.height).toBe("500px");
    expect(element!.style.display).toBe("none");
    expect(talk.liveBoxes()[0]!.calls.find((call) => call.method === "mount")!.args).toEqual([element]);
  });

  it("replaces the loading slot with the box element, styled, once mounted", async () => {
    const { wrapper } = mountInSession(
      `<TalkChatbox conversation-id="order-1" class="chat" :style="{ height: '500px' }" data-testid="chat" aria-label="Chat">
        <template #loading>Loading chat…</template>
      </TalkChatbox>`,
      {},
    );
    const box = await mountedBox();
    await nextTick();
    expect(wrapper.text()).not.toContain("Loading chat…");
    expect(wrapper.findAll(".chat")).toHaveLength(1);
    expect(box.container!.className).toBe("chat");
    expect(box.container!.style.cssText).toBe("height: 500px;");
    // data-* and aria-* attributes are the element's too, not TalkJS options.
    expect(box.container!.dataset.testid).toBe("chat");
    expect(box.container!.getAttribute("aria-label")).toBe("Chat");
    expect(box.options).toEqual({});
  });

  it("hides the loading slot once the box fails to mount, and keeps the box element hidden", async () => {
    talk.delayMounts(Infinity);
    const { wrapper } = mountInSession(
      `<TalkChatbox conversation-id="order-1" class="chat"><template #loading>Loading chat…</template></TalkChatbox>`,
      {},
    );
    await vi.waitFor(() => expect(talk.liveBoxes()).toHaveLength(1));
    expect(wrapper.text()).toBe("Loading chat…");
    wrapper.unmount();

    talk = createFakeTalk();
    talk.failNextMount(new Error("iframe blocked"));
    const failing = mountInSession(
      `<TalkChatbox conversation-id="order-1" class="chat"><template #loading>Loading chat…</template></TalkChatbox>`,
      {},
    );
    await vi.waitFor(() => expect(failing.wrapper.text()).toBe(""));
    const elements = failing.wrapper.findAll<HTMLElement>(".chat");
    expect(elements).toHaveLength(1);
    expect(elements[0]!.element.style.display).toBe("none");
  });

  it.each(["waiting", "mounted"] as const)(
    "ends in error, with no loading slot, when its session controller is destroyed while %s",
    async (when) => {
      const controller = createTalkSession({
        appId: "test-app",
        userId: "pete",
        talk,
        // A session that never gets its token keeps the box waiting.
        ...(when === "waiting" ? { tokenFetcher: () => new Promise<string>(() => {}) } : {}),
      });
      const errors: SessionError[] = [];
      const exposed: { box?: TalkChatboxExposed } = {};
      const Parent = defineComponent({
        components: { TalkSession, TalkChatbox },
        setup: () => ({ controller, errors, exposed }),
        template: `
          <TalkSession :controller="controller">
            <TalkChatbox :ref="(box) => (exposed.box = box)" conversation-id="order-1" @error="(error) => errors.push(error)">
              <template #loading>Loading chat…</template>
            </TalkChatbox>
          </TalkSession>`,
      });
      const wrapper = mount(Parent, { attachTo: document.body });
      if (when === "mounted") await mountedBox();
      else await vi.waitFor(() => expect(controller.getState().status).toBe("loading"));
      await nextTick();
      expect(wrapper.text().includes("Loading chat…")).toBe(when === "waiting");

      controller.destroy();
      await flushPromises();
      expect(errors.map((error) => error.code)).toEqual(["ui-failed"]);
      expect(wrapper.text()).not.toContain("Loading chat…");
      expect(exposed.box?.box).toBeUndefined();
    },
  );

  it("emits a failed mount or select as @error and on the session's error event, code ui-failed", async () => {
    const boxErrors: SessionError[] = [];
    const sessionErrors: SessionError[] = [];
    talk.failNextMount(new Error("iframe blocked"));
    const state = reactive({ id: "order-1" });
    const Parent = defineComponent({
      components: { TalkSession, TalkChatbox },
      setup: () => ({ state, talk, boxErrors, sessionErrors }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="talk" @error="(error) => sessionErrors.push(error)">
          <TalkChatbox :conversation-id="state.id" @error="(error) => boxErrors.push(error)" />
        </TalkSession>`,
    });
    mount(Parent, { attachTo: document.body });
    await vi.waitFor(() => expect(boxErrors).toHaveLength(1));
    expect(boxErrors[0]!.code).toBe("ui-failed");
    expect((boxErrors[0]!.cause as Error).message).toBe("iframe blocked");
    expect(sessionErrors).toEqual(boxErrors);

    // A new conversation builds the box again; this time select() fails.
    talk.failNextSelect(new Error("no such conversation"));
    state.id = "order-2";
    await vi.waitFor(() => expect(boxErrors).toHaveLength(2));
    expect((boxErrors[1]!.cause as Error).message).toBe("no such conversation");
    expect(sessionErrors).toEqual(boxErrors);
  });

  it("hydrates server-rendered markup without a mismatch and mounts the box into the server's element", async () => {
    const app = () =>
      createSSRApp({
        render: () =>
          h(TalkSession, { appId: "test-app", userId: "pete", talk }, () =>
            h(TalkChatbox, { conversationId: "order-1", class: "chat" }, { loading: () => "Loading chat…" }),
          ),
      });
    const root = document.createElement("div");
    root.innerHTML = await renderToString(app());
    document.body.append(root);
    const serverElement = root.querySelectorAll(".chat")[1];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const hydrated = app();
    hydrated.mount(root);

    const box = await mountedBox();
    expect(box.container).toBe(serverElement);
    expect(root.textContent).not.toContain("Loading chat…");
    expect([...warn.mock.calls, ...error.mock.calls]).toEqual([]);
    hydrated.unmount();
    root.remove();
    warn.mockRestore();
    error.mockRestore();
  });

  it("says where it belongs when used outside a <TalkSession>", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => mount(TalkChatbox, { props: { conversationId: "order-1" } })).toThrow(
      "<TalkChatbox> must be used inside <TalkSession>",
    );
    warn.mockRestore();
  });
});

describe("<TalkInbox>", () => {
  it("mounts with no conversation, applies feed-filter in place and selects a conversation on the same box", async () => {
    const { state } = mountInSession(
      `<TalkInbox :conversation-id="state.id" :feed-filter="{ custom: { category: ['==', state.category] } }" />`,
      { id: undefined as string | undefined, category: "support" },
    );
    const box = await mountedBox();
    expect(box.kind).toBe("inbox");
    expect(box.callCount("select")).toBe(0);

    state.category = "sales";
    await nextTick();
    state.id = "order-1";
    await vi.waitFor(() => expect(box.conversationId).toBe("order-1"));
    expect(box.kind === "inbox" && box.feedFilter).toEqual({ custom: { category: ["==", "sales"] } });
    expect(talk.boxes).toHaveLength(1);
  });

  it("emits conversation-selected with the SDK's event", async () => {
    const selected: (string | undefined)[] = [];
    const onSelected = (event: Talk.ConversationSelectedEvent) => selected.push(event.conversation?.id);
    mountInSession(`<TalkInbox conversation-id="order-1" @conversation-selected="state.onSelected" />`, {
      onSelected,
    });
    await mountedBox();
    await vi.waitFor(() => expect(selected).toContain("order-1"));
  });
});

describe("<TalkPopup>", () => {
  it("renders nothing, opens when show is absent and follows show with show()/hide() on the same box", async () => {
    const { wrapper, state } = mountInSession(`<TalkPopup conversation-id="order-1" :show="state.show" />`, {
      show: undefined as boolean | undefined,
    });
    const box = (await mountedBox()) as FakePopup;
    expect(wrapper.html()).toBe("");
    expect(box.calls.find((call) => call.method === "mount")!.args).toEqual([{ show: true }]);
    expect(box.shown).toBe(true);

    state.show = false;
    await nextTick();
    expect(box.shown).toBe(false);
    state.show = true;
    await nextTick();
    expect(box.shown).toBe(true);
    expect(talk.boxes).toHaveLength(1);
    expect(box.callCount("hide")).toBe(1);
    expect(box.callCount("show")).toBe(1);
  });

  it("mounts closed with :show false, emits open and close, and destroys the box on unmount", async () => {
    const events: string[] = [];
    const { state } = mountInSession(
      `<TalkPopup v-if="state.mounted" conversation-id="order-1" :show="false"
        @open="state.events.push('open')" @close="state.events.push('close')" />`,
      { mounted: true, events },
    );
    const box = (await mountedBox()) as FakePopup;
    expect(box.calls.find((call) => call.method === "mount")!.args).toEqual([{ show: false }]);
    box.emit("open");
    box.emit("close");
    expect(events).toEqual(["open", "close"]);

    state.mounted = false;
    await nextTick();
    expect(box.isAlive).toBe(false);
  });
});
