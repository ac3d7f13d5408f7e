import { createTalkSession, type SessionState } from "@x/session-core";
import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { enableAutoUnmount, mount } from "@vue/test-utils";
import type Talk from "talkjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineComponent, effectScope, h, nextTick, type ShallowRef } from "vue";
import { TalkSession, useSession, useSessionState, useUnreads } from "../src";

enableAutoUnmount(afterEach);

let fake: FakeTalk;
beforeEach(() => {
  fake = createFakeTalk();
});

describe("useSession, useUnreads and useSessionState", () => {
  it("give descendants of <TalkSession> the live session, the unreads and the state", async () => {
    let session!: Readonly<ShallowRef<Talk.Session | undefined>>;
    const Child = defineComponent(() => {
      session = useSession();
      const unreads = useUnreads();
      const state = useSessionState();
      return () => h("p", `${state.value.status}:${unreads.value?.length ?? "-"}:${session.value?.me.id ?? "-"}`);
    });
    const wrapper = mount(TalkSession, {
      props: { appId: "test-app", userId: "pete", talk: fake },
      slots: { default: () => [h("div", [h(Child)])] },
    });
    await vi.waitFor(() => expect(wrapper.text()).toMatch(/^ready:\d+:pete$/));
    expect(session.value).toBe(fake.liveSessions()[0]);
    fake.setUnreads(3);
    await nextTick();
    expect(wrapper.text()).toBe("ready:3:pete");
  });

  it("return read-only refs", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let state!: Readonly<ShallowRef<SessionState>>;
    const Child = defineComponent(() => {
      state = useSessionState();
      return () => null;
    });
    mount(TalkSession, {
      props: { appId: "test-app", userId: "pete", talk: fake },
      slots: { default: () => h(Child) },
    });
    const before = state.value;
    (state as ShallowRef<SessionState>).value = { ...before, status: "error" };
    expect(state.value).toBe(before);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("throw a clear error outside a <TalkSession>", () => {
    expect(() => useSession()).toThrow("useSession() must be called inside <TalkSession>");
    expect(() => useUnreads()).toThrow("useUnreads() must be called inside <TalkSession>");
    expect(() => useSessionState()).toThrow("useSessionState() must be called inside <TalkSession>");

    const Orphan = defineComponent(() => {
      useSession();
      return () => null;
    });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => mount(Orphan)).toThrow("useSession() must be called inside <TalkSession>");
    vi.restoreAllMocks();
  });

  it("follow a controller passed in inside an effectScope until the scope stops", async () => {
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    const scope = effectScope();
    const refs = scope.run(() => ({
      state: useSessionState(controller),
      session: useSession(controller),
      unreads: useUnreads(controller),
    }))!;
    expect(refs.state.value.status).toBe("idle");
    const release = controller.connect();
    expect(refs.state.value.status).toBe("loading");
    await vi.waitFor(() => expect(refs.state.value.status).toBe("ready"));
    expect(refs.session.value).toBe(fake.liveSessions()[0]);
    fake.setUnreads(1);
    expect(refs.unreads.value).toHaveLength(1);

    scope.stop();
    fake.setUnreads(4);
    expect(refs.unreads.value).toHaveLength(1);
    release();
    controller.destroy();
    expect(refs.state.value.status).toBe("ready");
  });

  it("inside a component, follow a controller passed in from mount on", async () => {
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    const release = controller.connect();
    const Widget = defineComponent(() => {
      const state = useSessionState(controller);
      return () => h("p", state.value.status);
    });
    const wrapper = mount(Widget);
    expect(wrapper.text()).toBe("loading");
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready"));
    release();
    controller.destroy();
  });
});
