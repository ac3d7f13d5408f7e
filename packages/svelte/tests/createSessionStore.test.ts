import { createTalkSession, type SessionState } from "@x/session-core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSessionStore } from "../src/lib/index";
import { appId, fakeTalk, settle } from "./helpers";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(keepAliveMs?: number) {
  const fake = fakeTalk();
  const store = createSessionStore({
    appId,
    userId: "pete",
    talk: fake,
    ...(keepAliveMs === undefined ? {} : { keepAliveMs }),
  });
  return { fake, store };
}

describe("createSessionStore", () => {
  it("calls run at once with the current state and again on every change", async () => {
    const { store } = setup();
    const seen: SessionState[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state));
    expect(seen.map((state) => state.status)).toEqual(["loading"]);
    await settle();
    expect(seen.at(-1)?.status).toBe("ready");
    expect(seen.at(-1)).toBe(store.controller.getState());
    unsubscribe();
    store.destroy();
  });

  it("stays idle and loads nothing until the first subscriber", async () => {
    const { fake, store } = setup();
    await settle();
    expect(store.controller.getState().status).toBe("idle");
    expect(fake.sessions).toHaveLength(0);
  });

  it("connects once for many subscribers and creates one session", async () => {
    const { fake, store } = setup();
    const unsubscribers = [store.subscribe(() => {}), store.subscribe(() => {}), store.subscribe(() => {})];
    await settle();
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);
    for (const unsubscribe of unsubscribers) unsubscribe();
  });

  it("keeps the session while one subscriber remains", async () => {
    const { fake, store } = setup();
    const first = store.subscribe(() => {});
    const second = store.subscribe(() => {});
    await settle();
    first();
    await settle(1000);
    expect(fake.liveSessions()).toHaveLength(1);
    expect(store.controller.getState().status).toBe("ready");
    second();
  });

  it("destroys the Talk.Session after the grace period once the last subscriber leaves", async () => {
    const { fake, store } = setup(500);
    const unsubscribe = store.subscribe(() => {});
    await settle();
    unsubscribe();
    await settle(499);
    expect(fake.liveSessions()).toHaveLength(1);
    await settle(1);
    expect(fake.liveSessions()).toHaveLength(0);
    expect(store.controller.getState().status).toBe("idle");
  });

  it("reuses the session when a subscriber comes back within the grace period", async () => {
    const { fake, store } = setup(500);
    store.subscribe(() => {})();
    const unsubscribe = store.subscribe(() => {});
    await settle(1000);
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);
    unsubscribe();
  });

  it("treats a second call of the same unsubscribe as a no-op", async () => {
    const { fake, store } = setup();
    const first = store.subscribe(() => {});
    const second = store.subscribe(() => {});
    await settle();
    first();
    first();
    await settle(10);
    expect(fake.liveSessions()).toHaveLength(1);
    second();
  });

  it("stops calling run after unsubscribe", async () => {
    const { store } = setup();
    const run = vi.fn();
    const keep = store.subscribe(() => {});
    store.subscribe(run)();
    run.mockClear();
    await settle();
    expect(run).not.toHaveBeenCalled();
    keep();
  });

  it("forwards events, whenReady and destroy to the controller", async () => {
    const { fake, store } = setup();
    const bodies: string[] = [];
    store.on("message", (message) => bodies.push(message.body));
    const unsubscribe = store.subscribe(() => {});
    const ready = store.whenReady();
    await settle();
    const session = await ready;
    fake.emitMessage({ body: "hi" });
    expect(bodies).toEqual(["hi"]);
    store.destroy();
    expect(session.isAlive).toBe(false);
    expect(store.controller.getState().status).toBe("destroyed");
    unsubscribe();
  });

  it("applies setOptions: a new user means one live session for that user", async () => {
    const { fake, store } = setup();
    const unsubscribe = store.subscribe(() => {});
    await settle();
    store.setOptions({ appId, userId: "alice", talk: fake });
    await settle();
    expect(fake.liveSessions().map((session) => session.me.id)).toEqual(["alice"]);
    unsubscribe();
  });

  it("recovers from an error with retry", async () => {
    const fake = fakeTalk();
    fake.failNextSession();
    const store = createSessionStore({ appId, userId: "pete", talk: fake });
    const unsubscribe = store.subscribe(() => {});
    await settle();
    expect(store.controller.getState().error?.code).toBe("session-create-failed");
    store.retry();
    await settle();
    expect(store.controller.getState().status).toBe("ready");
    unsubscribe();
  });

  it("wraps a controller created elsewhere without creating another", async () => {
    const fake = fakeTalk();
    const controller = createTalkSession({ appId, userId: "pete", talk: fake });
    const store = createSessionStore({ controller });
    expect(store.controller).toBe(controller);
    const unsubscribe = store.subscribe(() => {});
    await settle();
    expect(controller.getState().status).toBe("ready");
    expect(fake.sessions).toHaveLength(1);
    unsubscribe();
  });

  it("throws a TypeError naming the option when the options are wrong", () => {
    expect(() => createSessionStore({ appId: "", userId: "pete" })).toThrow(TypeError);
    expect(() => createSessionStore({ appId, userId: "pete", syncUser: () => ({}) } as never)).toThrow(
      /"userId" or "syncUser"; got both/,
    );
  });
});
