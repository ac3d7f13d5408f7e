import type { SessionError } from "@x/session-core";
import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { enableAutoUnmount, flushPromises, mount } from "@vue/test-utils";
import type Talk from "talkjs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineComponent, nextTick, shallowReactive } from "vue";
import { TalkSession } from "../src";

enableAutoUnmount(afterEach);

let fake: FakeTalk;
beforeEach(() => {
  fake = createFakeTalk();
});

type Listener = (payload: never) => unknown;
type Listeners = Partial<Record<"message" | "unreadsChange" | "permissionNeeded" | "permissionDenied", Listener>>;

/**
 * A parent whose template binds each listener to a field of `listeners`, so a test can add, swap and remove
 * listeners after mount. The listener keys stay on the vnode; only their values change.
 */
function mountWithListeners(initial: Listeners) {
  const listeners = shallowReactive<Listeners>(initial);
  const Parent = defineComponent({
    components: { TalkSession },
    setup: () => ({ fake, listeners }),
    template: `
      <TalkSession app-id="test-app" user-id="pete" :talk="fake" @message="listeners.message"
        @unreads-change="listeners.unreadsChange" @browser-permission-needed="listeners.permissionNeeded"
        @browser-permission-denied="listeners.permissionDenied" v-slot="{ state }">
        <p>{{ state.status }}</p>
      </TalkSession>`,
  });
  const wrapper = mount(Parent);
  const setListeners = async (next: Listeners) => {
    for (const key of ["message", "unreadsChange", "permissionNeeded", "permissionDenied"] as const)
      listeners[key] = next[key];
    await nextTick();
  };
  return { wrapper, setListeners };
}

const untilReady = (wrapper: { text(): string }) => vi.waitFor(() => expect(wrapper.text()).toBe("ready"));

describe("<TalkSession> listeners", () => {
  it("calls a message listener a parent adds after mount, and stops once the parent removes it", async () => {
    const onMessage = vi.fn();
    const { wrapper, setListeners } = mountWithListeners({});
    await untilReady(wrapper);
    const session = fake.liveSessions()[0]!;
    const withoutListener = session.subscriptionCount();

    await setListeners({ message: onMessage });
    fake.emitMessage({ body: "one" });
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onMessage).toHaveBeenCalledWith(expect.objectContaining({ body: "one" }));
    expect(session.subscriptionCount()).toBe(withoutListener + 1);

    await setListeners({});
    fake.emitMessage({ body: "two" });
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(session.subscriptionCount()).toBe(withoutListener);
  });

  it("calls the latest listener when the parent swaps it, without resubscribing", async () => {
    const first = vi.fn();
    const second = vi.fn();
    const { wrapper, setListeners } = mountWithListeners({ message: first });
    await untilReady(wrapper);
    const subscriptions = fake.subscriptionCount();

    await setListeners({ message: second });
    fake.emitMessage();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(fake.subscriptionCount()).toBe(subscriptions);
  });

  it("honours an @unreads-change listener that appears and disappears after mount", async () => {
    const onUnreads = vi.fn<(unreads: Talk.UnreadConversation[]) => void>();
    const { wrapper, setListeners } = mountWithListeners({});
    await untilReady(wrapper);

    await setListeners({ unreadsChange: onUnreads });
    fake.setUnreads(2);
    expect(onUnreads).toHaveBeenCalledTimes(1);
    expect(onUnreads.mock.calls[0]![0]).toHaveLength(2);

    await setListeners({});
    fake.setUnreads(3);
    expect(onUnreads).toHaveBeenCalledTimes(1);
  });

  it("hands the promise of a browser-permission-needed listener added after mount back to TalkJS", async () => {
    fake = createFakeTalk({ notificationPermission: "denied" });
    let allow!: () => void;
    const onPermissionNeeded = vi.fn(() => new Promise<void>((resolve) => (allow = resolve)));
    const onPermissionDenied = vi.fn();
    const { wrapper, setListeners } = mountWithListeners({});
    await untilReady(wrapper);

    await setListeners({ permissionNeeded: onPermissionNeeded, permissionDenied: onPermissionDenied });
    const request = fake.requestBrowserPermission();
    await flushPromises();
    expect(onPermissionNeeded).toHaveBeenCalledTimes(1);
    expect(onPermissionDenied).not.toHaveBeenCalled();
    allow();
    await expect(request).resolves.toBe("denied");
    expect(onPermissionDenied).toHaveBeenCalledTimes(1);
  });

  it("calls both listeners when Vue merges two for one event, and waits for both promises", async () => {
    fake = createFakeTalk({ notificationPermission: "denied" });
    let allowFirst!: () => void;
    const first = vi.fn(() => new Promise<void>((resolve) => (allowFirst = resolve)));
    const second = vi.fn();
    const Parent = defineComponent({
      components: { TalkSession },
      setup: () => ({ fake, first, second }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="fake" v-on="{ browserPermissionNeeded: first }"
          @browser-permission-needed="second" v-slot="{ state }">
          <p>{{ state.status }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Parent);
    await untilReady(wrapper);
    let answered = false;
    const request = fake.requestBrowserPermission().then(() => (answered = true));
    await flushPromises();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(answered).toBe(false);
    allowFirst();
    await request;
    expect(answered).toBe(true);
  });
  it("calls every merged listener when one throws, and reports each throw as handler-failed on @error", async () => {
    const errors: SessionError[] = [];
    const seen: string[] = [];
    const first = () => {
      seen.push("first");
      throw new Error("first broke");
    };
    const second = () => {
      seen.push("second");
      throw new Error("second broke");
    };
    const third = () => seen.push("third");
    const Parent = defineComponent({
      components: { TalkSession },
      setup: () => ({ fake, first, second, third, errors }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="fake" v-on="{ message: [first, second] }"
          @message="third" @error="(error) => errors.push(error)" v-slot="{ state }">
          <p>{{ state.status }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Parent);
    await untilReady(wrapper);
    fake.emitMessage();
    await flushPromises();
    expect(seen).toEqual(["first", "second", "third"]);
    expect(errors.map((error) => [error.code, (error.cause as Error).message])).toEqual([
      ["handler-failed", "first broke"],
      ["handler-failed", "second broke"],
    ]);
    expect(wrapper.text()).toBe("ready");
  });

  it("follows merged listeners as their number changes, calling each once", async () => {
    const seen: string[] = [];
    const [a, b, c] = ["a", "b", "c"].map((name) => () => void seen.push(name));
    const handlers = shallowReactive<Record<string, unknown>>({ message: [a, b] });
    const Parent = defineComponent({
      components: { TalkSession },
      setup: () => ({ fake, handlers }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="fake" v-on="handlers" v-slot="{ state }">
          <p>{{ state.status }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Parent);
    await untilReady(wrapper);
    const session = fake.liveSessions()[0]!;
    const emit = async (next: unknown) => {
      handlers.message = next;
      await nextTick();
      fake.emitMessage();
    };
    const withMessage = session.subscriptionCount();
    fake.emitMessage();
    await emit(c);
    await emit([c, a, b]);
    // One SDK subscription for the event, however many listeners.
    expect(session.subscriptionCount()).toBe(withMessage);
    await emit(undefined);
    expect(seen).toEqual(["a", "b", "c", "c", "a", "b"]);
    expect(session.subscriptionCount()).toBe(withMessage - 1);
  });

  it("follows a v-on object whose kebab-case key appears and goes away", async () => {
    const onUnreads = vi.fn();
    const handlers = shallowReactive<Record<string, unknown>>({});
    const Parent = defineComponent({
      components: { TalkSession },
      setup: () => ({ fake, handlers }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="fake" v-on="handlers" v-slot="{ state }">
          <p>{{ state.status }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Parent);
    await untilReady(wrapper);

    handlers["unreads-change"] = onUnreads;
    await nextTick();
    fake.setUnreads(2);
    expect(onUnreads).toHaveBeenCalledTimes(1);

    delete handlers["unreads-change"];
    await nextTick();
    fake.setUnreads(3);
    expect(onUnreads).toHaveBeenCalledTimes(1);
  });
});

describe("<TalkSession retry>", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("treats a bare retry attribute as the default policy: a failed token fetch is tried again", async () => {
    const tokenFetcher = vi.fn().mockRejectedValueOnce(new Error("backend down")).mockResolvedValue("token");
    const Parent = defineComponent({
      components: { TalkSession },
      setup: () => ({ fake, tokenFetcher }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="fake" :token-fetcher="tokenFetcher" retry v-slot="{ state }">
          <p>{{ state.status }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Parent);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wrapper.text()).toBe("ready");
    expect(tokenFetcher).toHaveBeenCalledTimes(2);
  });

  it("calls the token fetcher once with retry false", async () => {
    const tokenFetcher = vi.fn().mockRejectedValueOnce(new Error("backend down")).mockResolvedValue("token");
    const Parent = defineComponent({
      components: { TalkSession },
      setup: () => ({ fake, tokenFetcher }),
      template: `
        <TalkSession app-id="test-app" user-id="pete" :talk="fake" :token-fetcher="tokenFetcher" :retry="false" v-slot="{ state }">
          <p>{{ state.status }}</p>
        </TalkSession>`,
    });
    const wrapper = mount(Parent);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wrapper.text()).toBe("error");
    expect(tokenFetcher).toHaveBeenCalledTimes(1);
  });
});
