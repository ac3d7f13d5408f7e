import type { FakeCore } from "@x/session-testing";
import { enableAutoUnmount, flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MessageSnapshot } from "@talkjs/core";
import { defineComponent, h, nextTick, ref, type Component, type PropType } from "vue";
import {
  TalkDataSession,
  useConversation,
  useConversations,
  useDataSession,
  useDataSessionState,
  useMessages,
  useOnline,
  useParticipants,
  useSend,
  useTyping,
  useUser,
} from "../../src/data";
import { appId, seededCore } from "./helpers";

enableAutoUnmount(afterEach);

let core: FakeCore;
beforeEach(() => {
  core = seededCore();
});

/** Mounts `child` inside a `<TalkDataSession>` for Pete on the fake core. */
function inSession(child: Component, props: Record<string, unknown> = {}) {
  return mount(TalkDataSession, {
    props: { appId, userId: "pete", core, keepAliveMs: 0, ...props } as never,
    slots: { default: () => h(child) },
  });
}

describe("the live-data composables", () => {
  it("give the session, the state and every query's data inside <TalkDataSession>", async () => {
    core.setOnline("sam", true);
    const Child = defineComponent(() => {
      const session = useDataSession();
      const state = useDataSessionState();
      const conversations = useConversations();
      const conversation = useConversation("c1");
      const participants = useParticipants("c1");
      const user = useUser("sam");
      const online = useOnline("sam");
      const typing = useTyping("c1");
      return () =>
        h(
          "p",
          [
            state.value.status,
            session.value?.currentUser.id ?? "-",
            conversations.data.value
              ?.map((item) => item.id)
              .sort()
              .join("+") ?? "-",
            conversation.data.value?.subject ?? "-",
            participants.data.value?.length ?? "-",
            user.data.value?.name ?? "-",
            String(online.data.value?.isConnected),
            typing.status.value,
          ].join(":"),
        );
    });
    const wrapper = inSession(Child);
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:pete:c1+c2:Order 1:2:Sam:true:ready"));
  });

  it("throw an error naming <TalkDataSession> outside one", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const composables = {
      useDataSession,
      useDataSessionState,
      useConversations,
      useSend,
      useConversation: () => useConversation("c1"),
      useMessages: () => useMessages("c1"),
      useParticipants: () => useParticipants("c1"),
      useTyping: () => useTyping("c1"),
      useUser: () => useUser("sam"),
      useOnline: () => useOnline("sam"),
    };
    for (const [name, composable] of Object.entries(composables)) {
      expect(() => composable()).toThrow(`${name}() must be called inside <TalkDataSession>`);
      const Orphan = defineComponent(() => (composable(), () => null));
      expect(() => mount(Orphan)).toThrow(`${name}() must be called inside <TalkDataSession>`);
    }
    vi.restoreAllMocks();
  });

  it("are idle with no TalkJS subscription for an undefined id, and start the query once an id comes", async () => {
    const id = ref<string | undefined>();
    const Child = defineComponent(() => {
      const { status, data } = useConversation(id);
      const messages = useMessages(id);
      return () => h("p", `${status.value}:${data.value?.subject ?? "-"}:${messages.status.value}`);
    });
    const wrapper = inSession(Child);
    await vi.waitFor(() => expect(core.liveSessions()).toHaveLength(1));
    await flushPromises();
    expect(wrapper.text()).toBe("idle:-:idle");
    const withoutId = core.subscriptionCount();

    id.value = "c1";
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:Order 1:ready"));
    expect(core.subscriptionCount()).toBe(withoutId + 2);

    id.value = undefined;
    await nextTick();
    expect(wrapper.text()).toBe("idle:-:idle");
    await vi.waitFor(() => expect(core.subscriptionCount()).toBe(withoutId));
  });

  it("switch queries when an id ref or getter changes, letting the old subscription go", async () => {
    const id = ref("c1");
    const Child = defineComponent(() => {
      const byRef = useConversation(id);
      const byGetter = useConversation(() => id.value);
      return () => h("p", `${byRef.data.value?.subject ?? "-"}|${byGetter.data.value?.subject ?? "-"}`);
    });
    const wrapper = inSession(Child);
    await vi.waitFor(() => expect(wrapper.text()).toBe("Order 1|Order 1"));
    const subscriptions = core.subscriptionCount();
    id.value = "c2";
    await vi.waitFor(() => expect(wrapper.text()).toBe("Order 2|Order 2"));
    await vi.waitFor(() => expect(core.subscriptionCount()).toBe(subscriptions));
  });

  it("share one TalkJS subscription among many components watching one conversation", async () => {
    const count = ref(1);
    const Row = defineComponent(() => {
      const { data } = useMessages("c1");
      return () => h("i", data.value?.length ?? "-");
    });
    const List = defineComponent(() => () => Array.from({ length: count.value }, () => h(Row)));
    const wrapper = inSession(List);
    await vi.waitFor(() => expect(wrapper.text()).toBe("30"));
    const oneWatcher = core.subscriptionCount();
    count.value = 50;
    await vi.waitFor(() => expect(wrapper.text()).toBe("30".repeat(50)));
    expect(core.subscriptionCount()).toBe(oneWatcher);
  });

  it("render the list once per incoming message with 100 rows mounted, and none of the unchanged rows", async () => {
    core.seed({
      conversations: [
        {
          id: "c3",
          participants: ["pete", "sam"],
          messages: Array.from({ length: 120 }, (_, index) => ({ senderId: "sam", text: `old ${index}` })),
        },
      ],
    });
    let listRenders = 0;
    const rowRenders: string[] = [];
    const Row = defineComponent({
      props: { message: { type: Object as PropType<MessageSnapshot>, required: true } },
      setup: (props) => () => (rowRenders.push(props.message.plaintext), h("li", props.message.plaintext)),
    });
    const List = defineComponent(() => {
      const { data } = useMessages("c3", { pageSize: 100 });
      return () => (
        listRenders++,
        h(
          "ul",
          (data.value ?? []).map((message) => h(Row, { key: message.id, message })),
        )
      );
    });
    const wrapper = inSession(List);
    await vi.waitFor(() => expect(wrapper.findAll("li")).toHaveLength(100));
    await flushPromises();
    listRenders = 0;
    rowRenders.length = 0;
    core.publishMessage("c3", { senderId: "sam", text: "new" });
    await vi.waitFor(() => expect(wrapper.find("li").text()).toBe("new"));
    await flushPromises();
    expect(listRenders).toBe(1);
    expect(rowRenders).toEqual(["new"]);
  });

  it("useSend shows the message in pending at once, then in the messages once TalkJS has it", async () => {
    let send!: ReturnType<typeof useSend>;
    const Child = defineComponent(() => {
      send = useSend();
      const { data, pending } = useMessages("c1");
      return () =>
        h("p", `${data.value?.[0]?.plaintext ?? "-"}|${pending.value.map((e) => `${e.status}:${e.text}`).join()}`);
    });
    const wrapper = inSession(Child);
    await vi.waitFor(() => expect(wrapper.text()).toBe("message 40|"));
    const sent = send("c1", "On my way");
    await nextTick();
    expect(wrapper.text()).toBe("message 40|sending:On my way");
    await expect(sent).resolves.toHaveProperty("id");
    await vi.waitFor(() => expect(wrapper.text()).toBe("On my way|"));
  });

  it("useMessages keeps a failed send for resend or discard", async () => {
    let refs!: ReturnType<typeof useMessages>;
    let send!: ReturnType<typeof useSend>;
    const Child = defineComponent(() => {
      send = useSend();
      refs = useMessages("c1");
      return () => h("p", refs.pending.value.map((entry) => `${entry.status}:${entry.text}`).join());
    });
    const wrapper = inSession(Child);
    await vi.waitFor(() => expect(refs.status.value).toBe("ready"));
    core.failNextSend(new Error("offline"));
    await expect(send("c1", "First")).resolves.toBeUndefined();
    await nextTick();
    expect(wrapper.text()).toBe("failed:First");
    core.failNextSend(new Error("offline"));
    await expect(send("c1", "Second")).resolves.toBeUndefined();

    const [first, second] = refs.pending.value;
    refs.discard(second!.key);
    await expect(refs.resend(first!.key)).resolves.toBeDefined();
    await vi.waitFor(() => expect(wrapper.text()).toBe(""));
    expect(refs.data.value?.[0]?.plaintext).toBe("First");
  });

  it("loadMore grows the window until TalkJS has no more", async () => {
    let refs!: ReturnType<typeof useMessages>;
    const Child = defineComponent(() => {
      refs = useMessages("c1");
      return () => h("p", `${refs.data.value?.length ?? "-"}:${refs.loadedAll.value}`);
    });
    const wrapper = inSession(Child);
    await vi.waitFor(() => expect(wrapper.text()).toBe("30:false"));
    await refs.loadMore(20);
    await nextTick();
    expect(wrapper.text()).toBe("40:true");
  });

  it("follow a user switch onto the new TalkJS session", async () => {
    const Child = defineComponent(() => {
      const { data } = useConversations();
      // Sorted: conversations seeded in the same millisecond have no order of their own.
      return () =>
        h(
          "p",
          data.value
            ?.map((item) => item.id)
            .sort()
            .join("+") ?? "-",
        );
    });
    const wrapper = inSession(Child);
    await vi.waitFor(() => expect(wrapper.text()).toBe("c1+c2"));
    await wrapper.setProps({ userId: "anna" });
    await vi.waitFor(() => expect(wrapper.text()).toBe("c2"));
    expect(core.liveSessions().map((session) => session.currentUser.id)).toEqual(["anna"]);
  });

  it("show a query TalkJS refuses as error (query-failed) while the session stays ready", async () => {
    const onError = vi.fn();
    core.failNextSubscription(new Error("no access"));
    const Child = defineComponent(() => {
      const { status, error } = useConversation("c1");
      const state = useDataSessionState();
      return () => h("p", `${state.value.status}:${status.value}:${error.value?.code ?? "-"}`);
    });
    const wrapper = inSession(Child, { onError });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:error:query-failed"));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "query-failed" }));
  });

  it("let the TalkJS subscription go when the last consumer unmounts", async () => {
    const shown = ref(true);
    const Title = defineComponent(() => {
      const { data } = useConversation("c1");
      return () => h("b", data.value?.subject ?? "-");
    });
    const wrapper = inSession(defineComponent(() => () => (shown.value ? h(Title) : h("i", "none"))));
    await vi.waitFor(() => expect(wrapper.text()).toBe("Order 1"));
    const watched = core.subscriptionCount();
    shown.value = false;
    await vi.waitFor(() => expect(core.subscriptionCount()).toBe(watched - 1));
    expect(wrapper.text()).toBe("none");
  });
});
