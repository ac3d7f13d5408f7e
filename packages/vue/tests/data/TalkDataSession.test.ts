import { createDataSession, type DataSessionController, type SessionError } from "@x/session-core/data";
import type { FakeCore } from "@x/session-testing";
import { enableAutoUnmount, flushPromises, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineComponent, h, nextTick, reactive } from "vue";
import { TalkDataSession, useConversation, type TalkDataSessionSlotProps } from "../../src/data";
import { appId, seededCore } from "./helpers";

enableAutoUnmount(afterEach);

let core: FakeCore;
beforeEach(() => {
  core = seededCore();
});

const statusSlot = ({ state, session }: TalkDataSessionSlotProps) =>
  h("p", `${state.status}:${session?.currentUser.id ?? "-"}`);

function mountDataSession(props: Record<string, unknown> = {}) {
  return mount(TalkDataSession, {
    props: { appId, userId: "pete", core, ...props } as never,
    slots: { default: statusSlot },
  });
}

const controllerOf = (wrapper: { vm: unknown }) => (wrapper.vm as { controller: DataSessionController }).controller;

describe("<TalkDataSession>", () => {
  it("connects on mount, renders the slot with the state and starts one TalkJS session", async () => {
    const wrapper = mountDataSession();
    await nextTick();
    expect(wrapper.text()).toBe("loading:-");
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:pete"));
    expect(core.liveSessions()).toHaveLength(1);
    expect(core.sessions).toHaveLength(1);
    expect((wrapper.vm as unknown as { session: unknown }).session).toBe(core.liveSessions()[0]);
  });

  it("ends its TalkJS session once the keep-alive grace passes after unmount, and destroys its own controller", async () => {
    const wrapper = mountDataSession({ keepAliveMs: 20 });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:pete"));
    const controller = controllerOf(wrapper);
    wrapper.unmount();
    expect(core.liveSessions()).toHaveLength(1);
    await vi.waitFor(() => expect(controller.getState().status).toBe("destroyed"));
    expect(core.liveSessions()).toHaveLength(0);
    expect(core.subscriptionCount()).toBe(0);
  });

  it("recreates nothing when a parent re-renders a template with inline options and an inline @error", async () => {
    const errors: string[] = [];
    const Harness = defineComponent({
      components: { TalkDataSession },
      data: () => ({ renders: 0 }),
      setup: () => ({ core, errors }),
      template: `
        <TalkDataSession app-id="test-app" user-id="pete" :core="core" :sync-user="{ name: 'Pete' }"
          :token-fetcher="() => 'token-' + renders" :retry="{ attempts: 2 }" @error="(error) => errors.push(renders + ':' + error.code)"
          v-slot="{ state }">
          <p>{{ state.status }}:{{ renders }}</p>
        </TalkDataSession>`,
    });
    const wrapper = mount(Harness);
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:0"));
    for (let render = 1; render <= 3; render++) {
      (wrapper.vm as unknown as { renders: number }).renders = render;
      await nextTick();
    }
    await flushPromises();
    expect(wrapper.text()).toBe("ready:3");
    expect(core.sessions).toHaveLength(1);
    core.terminate();
    await vi.waitFor(() => expect(errors).toEqual(["3:session-terminated"]));
  });

  it("applies an in-place change of a reactive sync-user without recreating the TalkJS session", async () => {
    const syncUser = reactive({ name: "Pete" });
    const wrapper = mountDataSession({ syncUser });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:pete"));
    const setOptions = vi.spyOn(controllerOf(wrapper), "setOptions");
    syncUser.name = "Peter";
    await nextTick();
    expect(setOptions.mock.lastCall?.[0].syncUser).toEqual({ name: "Peter" });
    expect(setOptions.mock.lastCall?.[0].syncUser).not.toBe(syncUser);
    await flushPromises();
    expect(core.sessions).toHaveLength(1);
  });

  it("switches users with one live TalkJS session at a time, ending with the new user's", async () => {
    const wrapper = mountDataSession();
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:pete"));
    await wrapper.setProps({ userId: "anna" });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:anna"));
    expect(core.liveSessions().map((session) => session.currentUser.id)).toEqual(["anna"]);
    expect(core.peakLiveSessions()).toBe(1);
  });

  it("emits error with a SessionError when TalkJS ends the session", async () => {
    const onError = vi.fn<(error: SessionError) => void>();
    const wrapper = mountDataSession({ onError });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:pete"));
    core.terminate();
    await vi.waitFor(() => expect(wrapper.text()).toBe("error:-"));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].code).toBe("session-terminated");
  });

  it("uses a passed-in controller, keeps its options and never destroys it", async () => {
    const controller = createDataSession({ appId, userId: "sam", core });
    const wrapper = mount(TalkDataSession, { props: { controller }, slots: { default: statusSlot } });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:sam"));
    wrapper.unmount();
    await vi.waitFor(() => expect(controller.getState().status).toBe("idle"));
    expect(core.liveSessions()).toHaveLength(0);
    controller.destroy();
  });

  it("lets two providers share one controller and one TalkJS session", async () => {
    const controller = createDataSession({ appId, userId: "pete", core });
    const Title = defineComponent(() => {
      const { data } = useConversation("c1");
      return () => h("b", data.value?.subject ?? "-");
    });
    const Harness = defineComponent(
      () => () => [1, 2].map(() => h(TalkDataSession, { controller }, { default: () => h(Title) })),
    );
    const wrapper = mount(Harness);
    await vi.waitFor(() => expect(wrapper.text()).toBe("Order 1Order 1"));
    expect(core.sessions).toHaveLength(1);
    wrapper.unmount();
    controller.destroy();
  });

  it("throws a TypeError naming the option when the props are invalid or unknown", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => mount(TalkDataSession, { props: { appId, core } as never })).toThrow(TypeError);
    expect(() => mount(TalkDataSession, { props: { appId, core } as never })).toThrow(/"userId"/);
    expect(() => mount(TalkDataSession, { props: { appId, userId: "pete", core, talk: {} } as never })).toThrow(
      /"talk"/,
    );
    expect(core.sessions).toHaveLength(0);
    vi.restoreAllMocks();
  });
});
