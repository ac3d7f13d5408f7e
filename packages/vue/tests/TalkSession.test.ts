import { createTalkSession, type SessionController, type SessionError } from "@x/session-core";
import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { enableAutoUnmount, flushPromises, mount } from "@vue/test-utils";
import type Talk from "talkjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineComponent, h, isProxy, nextTick, reactive } from "vue";
import { TalkSession, type TalkSessionSlotProps } from "../src";

enableAutoUnmount(afterEach);

let fake: FakeTalk;
beforeEach(() => {
  fake = createFakeTalk();
});

const statusSlot = ({ state, unreads }: TalkSessionSlotProps) => h("p", `${state.status}:${unreads?.length ?? "-"}`);

function mountSession(props: Record<string, unknown> = {}) {
  return mount(TalkSession, {
    props: { appId: "test-app", userId: "pete", talk: fake, ...props } as never,
    slots: { default: statusSlot },
  });
}

async function untilReady(wrapper: { text(): string }) {
  await vi.waitFor(() => expect(wrapper.text()).toMatch(/^ready/));
}

describe("<TalkSession>", () => {
  it("connects on mount and renders the slot with the ready state and the live session", async () => {
    let slotProps: TalkSessionSlotProps | undefined;
    const wrapper = mount(TalkSession, {
      props: { appId: "test-app", userId: "pete", talk: fake },
      slots: { default: (props: TalkSessionSlotProps) => ((slotProps = props), h("p", props.state.status)) },
    });
    await nextTick();
    expect(wrapper.text()).toBe("loading");
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready"));
    expect(fake.liveSessions()).toHaveLength(1);
    expect(slotProps?.session).toBe(fake.liveSessions()[0]);
    expect(slotProps?.state.session).toBe(slotProps?.session);
    expect(slotProps?.unreads).toBe(slotProps?.state.unreads);
  });

  it("exposes the live session and the controller on the component instance", async () => {
    const wrapper = mountSession();
    await untilReady(wrapper);
    const exposed = wrapper.vm as unknown as { session: Talk.Session | undefined; controller: SessionController };
    expect(exposed.session).toBe(fake.liveSessions()[0]);
    expect(exposed.controller.getState().status).toBe("ready");
  });

  it("emits message to a message listener and subscribes to nothing nobody listens to", async () => {
    const onMessage = vi.fn();
    const wrapper = mountSession({ onMessage });
    await untilReady(wrapper);
    const session = fake.liveSessions()[0]!;
    const subscriptionsWithMessage = session.subscriptionCount();
    fake.emitMessage({ body: "Hi" });
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onMessage).toHaveBeenCalledWith(expect.objectContaining({ body: "Hi" }));

    const silent = createFakeTalk();
    const other = mountSession({ talk: silent });
    await untilReady(other);
    expect(silent.liveSessions()[0]!.subscriptionCount()).toBe(subscriptionsWithMessage - 1);
  });

  it("emits unreads-change and shows the unreads in the slot", async () => {
    const onUnreadsChange = vi.fn();
    const wrapper = mountSession({ onUnreadsChange });
    await untilReady(wrapper);
    onUnreadsChange.mockClear();
    fake.setUnreads(2);
    expect(onUnreadsChange).toHaveBeenCalledTimes(1);
    expect(onUnreadsChange.mock.calls[0]![0]).toHaveLength(2);
    await nextTick();
    expect(wrapper.text()).toBe("ready:2");
  });

  it("emits desktop-notification-clicked", async () => {
    const onDesktopNotificationClicked = vi.fn();
    const wrapper = mountSession({ onDesktopNotificationClicked });
    await untilReady(wrapper);
    fake.clickDesktopNotification();
    expect(onDesktopNotificationClicked).toHaveBeenCalledTimes(1);
  });

  it("calls a new inline listener after a re-render without resubscribing", async () => {
    const first = vi.fn();
    const second = vi.fn();
    const wrapper = mountSession({ onMessage: first });
    await untilReady(wrapper);
    const session = fake.liveSessions()[0]!;
    const subscriptions = session.subscriptionCount();
    await wrapper.setProps({ onMessage: second });
    fake.emitMessage();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(session.subscriptionCount()).toBe(subscriptions);
    expect(fake.sessions).toHaveLength(1);
  });

  it("stops calling a removed listener and unsubscribes at once", async () => {
    const onMessage = vi.fn();
    const wrapper = mountSession({ onMessage });
    await untilReady(wrapper);
    const session = fake.liveSessions()[0]!;
    const subscriptions = session.subscriptionCount();
    await wrapper.setProps({ onMessage: undefined });
    fake.emitMessage();
    expect(onMessage).not.toHaveBeenCalled();
    expect(session.subscriptionCount()).toBe(subscriptions - 1);
  });

  it("passes the promise of a browser-permission-needed listener back to the SDK", async () => {
    fake = createFakeTalk({ notificationPermission: "denied" });
    let allow!: () => void;
    const onBrowserPermissionNeeded = vi.fn(() => new Promise<void>((resolve) => (allow = resolve)));
    const onBrowserPermissionDenied = vi.fn();
    const wrapper = mountSession({ onBrowserPermissionNeeded, onBrowserPermissionDenied });
    await untilReady(wrapper);
    const request = fake.requestBrowserPermission();
    await flushPromises();
    expect(onBrowserPermissionNeeded).toHaveBeenCalledTimes(1);
    expect(onBrowserPermissionDenied).not.toHaveBeenCalled();
    allow();
    await expect(request).resolves.toBe("denied");
    expect(onBrowserPermissionDenied).toHaveBeenCalledTimes(1);
  });

  it("reports denied desktop notifications through error while the session stays ready", async () => {
    fake = createFakeTalk({ notificationPermission: "denied" });
    const onError = vi.fn();
    const onBrowserPermissionDenied = vi.fn();
    const wrapper = mountSession({ desktopNotificationsEnabled: true, onError, onBrowserPermissionDenied });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect((onError.mock.calls[0]![0] as SessionError).code).toBe("desktop-notifications-failed");
    expect(onBrowserPermissionDenied).toHaveBeenCalledTimes(1);
    expect(wrapper.text()).toMatch(/^ready/);
  });

  it("leaves an absent desktop-notifications-enabled undefined and casts a bare attribute to true", async () => {
    const absent = mountSession();
    await untilReady(absent);
    expect(fake.liveSessions()[0]!.desktopNotificationsEnabled).toBeUndefined();

    const bare = createFakeTalk();
    const present = mountSession({ talk: bare, "desktop-notifications-enabled": "" });
    await untilReady(present);
    await vi.waitFor(() => expect(bare.liveSessions()[0]!.desktopNotificationsEnabled).toBe(true));
  });

  it("emits error and shows it in the state when the token-fetcher fails", async () => {
    const onError = vi.fn();
    const tokenFetcher = vi.fn(() => Promise.reject(new Error("backend down")));
    let error: SessionError | undefined;
    const wrapper = mount(TalkSession, {
      props: { appId: "test-app", userId: "pete", talk: fake, tokenFetcher, retry: false, onError },
      slots: { default: ({ state }: TalkSessionSlotProps) => ((error = state.error), h("p", state.status)) },
    });
    await vi.waitFor(() => expect(wrapper.text()).toBe("error"));
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(error?.code).toBe("token-fetch-failed");
    expect(onError.mock.calls[0]![0]).toBe(error);
    expect(fake.sessions).toHaveLength(0);
  });

  it("ends with one live session for the last user after rapid user-id changes", async () => {
    const wrapper = mountSession();
    await untilReady(wrapper);
    await wrapper.setProps({ userId: "anna" });
    await wrapper.setProps({ userId: "bert" });
    await wrapper.setProps({ userId: "carl" });
    await vi.waitFor(() => expect(fake.liveSessions().map((session) => session.me.id)).toEqual(["carl"]));
    expect(wrapper.text()).toMatch(/^ready/);
  });

  it("recreates nothing when an inline sync-user function returns the same user", async () => {
    const syncUser = () => new fake.User({ id: "pete", name: "Pete" });
    const wrapper = mountSession({ userId: undefined, syncUser });
    await untilReady(wrapper);
    await wrapper.setProps({ syncUser: () => new fake.User({ id: "pete", name: "Pete" }) });
    await wrapper.setProps({ syncUser: () => new fake.User({ id: "pete", name: "Pete" }) });
    await flushPromises();
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);

    await wrapper.setProps({ syncUser: () => new fake.User({ id: "pete", name: "Peter" }) });
    await vi.waitFor(() => expect(fake.sessions).toHaveLength(2));
    expect(fake.liveSessions()).toHaveLength(1);
  });

  it("creates no session and destroys its own controller when unmounted during load", async () => {
    fake = createFakeTalk({ ready: "manual" });
    const wrapper = mountSession();
    const controller = (wrapper.vm as unknown as { controller: SessionController }).controller;
    expect(controller.getState().status).toBe("loading");
    wrapper.unmount();
    fake.resolveReady();
    await vi.waitFor(() => expect(controller.getState().status).toBe("destroyed"));
    await flushPromises();
    expect(fake.sessions).toHaveLength(0);
  });

  it("destroys its own controller once the keep-alive grace passes after unmount", async () => {
    const wrapper = mountSession({ keepAliveMs: 20 });
    await untilReady(wrapper);
    const { controller } = wrapper.vm as unknown as { controller: SessionController };
    const session = fake.liveSessions()[0]!;
    wrapper.unmount();
    expect(session.isAlive).toBe(true);
    await vi.waitFor(() => expect(controller.getState().status).toBe("destroyed"));
    expect(session.isAlive).toBe(false);
    expect(fake.liveSessions()).toHaveLength(0);
    expect(fake.subscriptionCount()).toBe(0);
    await expect(controller.whenReady()).rejects.toThrow(/destroyed/);
  });

  it("rejects a descendant's pending whenReady() once its own controller is destroyed after unmount", async () => {
    fake = createFakeTalk({ ready: "manual" });
    const wrapper = mountSession();
    const { controller } = wrapper.vm as unknown as { controller: SessionController };
    const outcome = controller.whenReady().then(
      () => "resolved",
      () => "rejected",
    );
    wrapper.unmount();
    expect(await outcome).toBe("rejected");
    fake.resolveReady();
    await flushPromises();
    expect(fake.sessions).toHaveLength(0);
  });

  it("uses a passed-in controller, drops its listeners on unmount, and never destroys it", async () => {
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    const onMessage = vi.fn();
    const wrapper = mount(TalkSession, { props: { controller, onMessage }, slots: { default: statusSlot } });
    await untilReady(wrapper);
    fake.emitMessage();
    expect(onMessage).toHaveBeenCalledTimes(1);
    wrapper.unmount();
    await vi.waitFor(() => expect(controller.getState().status).toBe("idle"));
    expect(fake.liveSessions()).toHaveLength(0);
    const release = controller.connect();
    await controller.whenReady();
    fake.emitMessage();
    expect(onMessage).toHaveBeenCalledTimes(1);
    release();
    controller.destroy();
  });

  it("hands the controller an option changed in place, as a plain value", async () => {
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    const setOptions = vi.spyOn(controller, "setOptions");
    const retry = reactive({ attempts: 2 });
    const wrapper = mount(TalkSession, {
      props: { controller, appId: "test-app", userId: "pete", talk: fake, retry },
      slots: { default: statusSlot },
    });
    await untilReady(wrapper);
    retry.attempts = 5;
    await nextTick();
    const latest = setOptions.mock.lastCall?.[0].retry;
    expect(latest).toEqual({ attempts: 5 });
    expect(isProxy(latest)).toBe(false);
    wrapper.unmount();
    controller.destroy();
  });

  it("throws a TypeError naming the prop when the props are invalid", () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => mount(TalkSession, { props: { appId: "test-app", talk: fake } as never })).toThrow(
      '<TalkSession> needs exactly one of "userId" or "syncUser"; got neither.',
    );
    expect(() => mount(TalkSession, { props: { appId: "", userId: "pete" } as never })).toThrow(
      /<TalkSession> needs "appId"/,
    );
    expect(() =>
      mount(TalkSession, { props: { appId: "test-app", userId: "pete", loadTimeoutMs: -1 } as never }),
    ).toThrow(/<TalkSession> needs "loadTimeoutMs"/);
    vi.restoreAllMocks();
  });

  it("accepts kebab-case props and listeners in a template", async () => {
    const onUnreads = vi.fn();
    const Harness = defineComponent({
      components: { TalkSession },
      setup: () => ({ fake, onUnreads }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="fake" :keep-alive-ms="0" @unreads-change="onUnreads" v-slot="{ state }">
          <p>{{ state.status }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Harness);
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready"));
    fake.setUnreads(1);
    expect(onUnreads).toHaveBeenLastCalledWith([expect.anything()]);
  });

  it("recreates nothing when a parent re-renders a template with inline sync-user and listener arrows", async () => {
    const messages: string[] = [];
    const Harness = defineComponent({
      components: { TalkSession },
      data: () => ({ renders: 0 }),
      setup: () => ({ fake, messages }),
      template: `
        <TalkSession app-id="test-app" :talk="fake" :sync-user="() => new fake.User({ id: 'pete', name: 'Pete' })"
          @message="(message) => messages.push(renders + ':' + message.body)" v-slot="{ state }">
          <p>{{ state.status }}:{{ renders }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Harness);
    await vi.waitFor(() => expect(wrapper.text()).toBe("ready:0"));
    const session = fake.liveSessions()[0]!;
    const subscriptions = session.subscriptionCount();
    for (let render = 1; render <= 3; render++) {
      (wrapper.vm as unknown as { renders: number }).renders = render;
      await nextTick();
    }
    await flushPromises();
    expect(wrapper.text()).toBe("ready:3");
    fake.emitMessage({ body: "Hi" });
    expect(messages).toEqual(["3:Hi"]);
    expect(fake.sessions).toHaveLength(1);
    expect(session.subscriptionCount()).toBe(subscriptions);
  });
});
