// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectOwned } from "../src/adapters/connectOwned";
import { createChatbox } from "../src/boxes/createChatbox";
import { createTalkSession } from "../src/classic/createTalkSession";
import { settle, setup, useFakeTime } from "./helpers";

beforeEach(() => useFakeTime());
afterEach(() => vi.useRealTimers());

describe("connectOwned", () => {
  it("destroys the controller once the keep-alive grace passes after the release", async () => {
    const { fake, talk } = setup({ keepAliveMs: 1000 });
    const release = connectOwned(talk);
    await settle();
    expect(fake.liveSessions()).toHaveLength(1);

    release();
    await settle(999);
    expect(talk.getState().status).toBe("ready");
    await settle(1);
    expect(talk.getState().status).toBe("destroyed");
    expect(fake.liveSessions()).toHaveLength(0);
    await expect(talk.whenReady()).rejects.toThrow();
  });

  it("rejects a whenReady() still waiting when it is released during loading", async () => {
    const { fake, talk } = setup({}, { ready: "manual" });
    const release = connectOwned(talk);
    const rejected = expect(talk.whenReady()).rejects.toThrow(/destroyed/);
    release();
    await settle();
    await rejected;
    fake.resolveReady();
    await settle();
    expect(fake.sessions).toHaveLength(0);
  });

  it("keeps the controller and its one session when connected again within the grace, as a StrictMode remount", async () => {
    const { fake, talk } = setup();
    connectOwned(talk)();
    const release = connectOwned(talk);
    await settle(100);
    expect(talk.getState().status).toBe("ready");
    expect(fake.sessions).toHaveLength(1);

    release();
    await settle();
    expect(talk.getState().status).toBe("destroyed");
  });

  it("waits for every other connection to be released first", async () => {
    const { fake, talk } = setup();
    const releaseOther = talk.connect();
    connectOwned(talk)();
    await settle(100);
    expect(fake.liveSessions()).toHaveLength(1);
    releaseOther();
    await settle();
    expect(talk.getState().status).toBe("destroyed");
  });

  it("treats a second call of the same release as a no-op", async () => {
    const { talk } = setup();
    const release = connectOwned(talk);
    release();
    const again = connectOwned(talk);
    release();
    await settle(100);
    expect(talk.getState().status).toBe("ready");
    again();
    await settle();
    expect(talk.getState().status).toBe("destroyed");
  });

  it("destroys an owned controller retried in error with nobody connected, instead of leaving it idle", async () => {
    const { talk } = setup({ tokenFetcher: () => Promise.reject(new Error("down")), retry: false });
    const release = connectOwned(talk);
    await settle();
    expect(talk.getState().status).toBe("error");
    release();
    talk.retry();
    expect(talk.getState().status).toBe("destroyed");
  });
});

describe("never two sessions alive for one user across components", () => {
  it("ends another owned controller's grace at once when one starts a session for the same app and user", async () => {
    const { fake, talk: oldPage } = setup({ keepAliveMs: 5000 });
    connectOwned(oldPage)();
    await settle();
    const releaseOld = connectOwned(oldPage);
    await settle();
    expect(fake.liveSessions()).toHaveLength(1);
    releaseOld(); // the old page unmounts: its grace runs for 5 s
    const newPage = createTalkSession({ appId: "test-app", userId: "pete", talk: fake, keepAliveMs: 5000 });
    connectOwned(newPage);
    await settle();
    expect(oldPage.getState().status).toBe("destroyed");
    expect(newPage.getState().status).toBe("ready");
    expect(fake.liveSessions()).toHaveLength(1);
    expect(fake.peakLiveSessions()).toBe(1);
  });

  it("keeps two owned controllers mounted together, and another user's controller in its grace", async () => {
    const { fake, talk: first } = setup({ keepAliveMs: 5000 });
    connectOwned(first);
    const sam = createTalkSession({ appId: "test-app", userId: "sam", talk: fake, keepAliveMs: 5000 });
    const releaseSam = connectOwned(sam);
    await settle();
    releaseSam();
    const second = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    connectOwned(second);
    await settle();
    expect(first.getState().status).toBe("ready");
    expect(second.getState().status).toBe("ready");
    expect(sam.getState().status).toBe("ready");
    await settle(5000);
    expect(sam.getState().status).toBe("destroyed");
  });

  it("never ends a controller passed in by the app (not owned) that waits out its grace", async () => {
    const { fake, talk: shared } = setup({ keepAliveMs: 5000 });
    const releaseShared = shared.connect();
    await settle();
    releaseShared();
    const owned = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    connectOwned(owned);
    await settle();
    expect(shared.getState().status).toBe("ready");
  });
});

describe("a box on an owned controller", () => {
  it("waits (its owner hands over a new controller) instead of failing when that controller is destroyed", async () => {
    const { talk } = setup();
    const release = connectOwned(talk);
    const chatbox = createChatbox(talk, { conversationId: "order-1" });
    chatbox.mount(document.createElement("div"));
    await settle();
    talk.destroy();
    expect(chatbox.getState().status).toBe("waiting");
    release();
  });
});
