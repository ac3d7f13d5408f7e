import { createTalkSession } from "@x/session-core";
import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { enableAutoUnmount, mount } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { h } from "vue";
import { TalkSession, type TalkSessionSlotProps } from "../src";

enableAutoUnmount(afterEach);

let fake: FakeTalk;
beforeEach(() => {
  fake = createFakeTalk();
});

const userSlot = ({ state }: TalkSessionSlotProps) => h("p", `${state.status}:${state.session?.me.id ?? "-"}`);

describe("<TalkSession controller>", () => {
  it("keeps the given controller's options when no option prop is given", async () => {
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    const wrapper = mount(TalkSession, { props: { controller }, slots: { default: userSlot } });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:pete"));
  });

  it("replaces the given controller's options with the option props, and follows their changes", async () => {
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    const wrapper = mount(TalkSession, {
      props: { controller, appId: "test-app", userId: "maria", talk: fake },
      slots: { default: userSlot },
    });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:maria"));
    await wrapper.setProps({ userId: "anna" });
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:anna"));
    expect(fake.sessions.map((session) => session.me.id)).toEqual(["maria", "anna"]);
    expect(fake.peakLiveSessions()).toBe(1);
  });

  it("throws a TypeError naming <TalkSession>, the controller and the missing prop for incomplete option props", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    expect(() => mount(TalkSession, { props: { controller, userId: "maria" } as never })).toThrow(
      /^<TalkSession> \(given "controller", the option props replace all of its options\) needs "appId"/,
    );
    expect(controller.getState().status).toBe("idle");
    vi.restoreAllMocks();
  });
});
