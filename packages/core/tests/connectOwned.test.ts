import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectOwned } from "../src/connectOwned";
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
});
