// @vitest-environment jsdom
import { createFakeTalk } from "@x/session-testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTalkSession } from "../src/classic/createTalkSession";
import { talkScriptUrl } from "../src/classic/loadTalk";
import type { TalkModule } from "../src/classic/types";
import { appId, settle, useFakeTime } from "./helpers";

/** What `import("talkjs")` gives in a browser: a stub whose `ready` waits for the CDN script. */
function installLoaderStub() {
  const queue: Array<[() => unknown, ((value: unknown) => void)?, ((error: unknown) => void)?]> = [];
  const stub = {
    ready: {
      then: (callback: () => unknown) => new Promise((resolve, reject) => queue.push([callback, resolve, reject])),
    },
  };
  const script = document.createElement("script");
  script.src = talkScriptUrl;
  document.head.appendChild(script);
  /** Does what the CDN script does once it runs: fills in the SDK and drains the queue. */
  const completeLoad = () => {
    const fake = createFakeTalk({ ready: "manual" });
    fake.resolveReady();
    Object.assign(stub, { Session: fake.Session, User: fake.User, ready: Promise.resolve() });
    for (const [callback, resolve] of queue.splice(0)) resolve?.(callback());
    return fake;
  };
  return { talk: stub as unknown as TalkModule, completeLoad };
}

const talkScripts = () => Array.from(document.querySelectorAll(`script[src="${talkScriptUrl}"]`));

beforeEach(() => {
  useFakeTime();
  document.head.innerHTML = "";
});
afterEach(() => vi.useRealTimers());

describe("loading the SDK", () => {
  it("fails with sdk-load-timeout after loadTimeoutMs when the SDK never becomes ready", async () => {
    const talk = createTalkSession({
      appId,
      userId: "pete",
      talk: createFakeTalk({ ready: "never" }),
      loadTimeoutMs: 3000,
    });
    talk.connect();
    await settle(2999);
    expect(talk.getState().status).toBe("loading");
    await settle(1);
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("sdk-load-timeout");
    expect(talk.getState().error?.message).toMatch(/3000 ms.*loadTimeoutMs/);
  });

  it("fails at once with sdk-load-failed when the CDN script errors, instead of waiting out the timeout", async () => {
    const { talk: stub } = installLoaderStub();
    const talk = createTalkSession({ appId, userId: "pete", talk: stub, loadTimeoutMs: 15_000 });
    talk.connect();
    await settle();
    talkScripts()[0]!.dispatchEvent(new Event("error"));
    await settle();
    expect(talk.getState().status).toBe("error");
    expect(talk.getState().error?.code).toBe("sdk-load-failed");
    expect(talk.getState().error?.message).toMatch(/blocked/);
  });

  it("retry() injects a fresh script after a failed one and recovers when it loads", async () => {
    const { talk: stub, completeLoad } = installLoaderStub();
    const talk = createTalkSession({ appId, userId: "pete", talk: stub });
    talk.connect();
    await settle();
    talkScripts()[0]!.dispatchEvent(new Event("error"));
    await settle();
    talk.retry();
    await settle();
    expect(talkScripts()).toHaveLength(1);
    expect(talk.getState().status).toBe("loading");
    const fake = completeLoad();
    await settle();
    expect(talk.getState().error).toBeUndefined();
    expect(talk.getState().status).toBe("ready");
    expect(fake.liveSessions()).toHaveLength(1);
  });

  it("two controllers on one failed script retry with one fresh script between them", async () => {
    const { talk: stub, completeLoad } = installLoaderStub();
    const first = createTalkSession({ appId, userId: "pete", talk: stub });
    const second = createTalkSession({ appId, userId: "sam", talk: stub });
    first.connect();
    second.connect();
    await settle();
    talkScripts()[0]!.dispatchEvent(new Event("error"));
    await settle();
    expect([first.getState().error?.code, second.getState().error?.code]).toEqual([
      "sdk-load-failed",
      "sdk-load-failed",
    ]);
    first.retry();
    second.retry();
    await settle();
    expect(talkScripts()).toHaveLength(1);
    completeLoad();
    await settle();
    expect([first.getState().status, second.getState().status]).toEqual(["ready", "ready"]);
  });

  it("injects the CDN script when the loader's script is missing from the page", async () => {
    const { talk: stub, completeLoad } = installLoaderStub();
    document.head.innerHTML = "";
    const talk = createTalkSession({ appId, userId: "pete", talk: stub });
    talk.connect();
    await settle();
    expect(talkScripts()).toHaveLength(1);
    completeLoad();
    await settle();
    expect(talk.getState().status).toBe("ready");
  });

  it("reports a rejected Talk.ready as sdk-load-failed", async () => {
    const talk = createTalkSession({ appId, userId: "pete", talk: createFakeTalk({ ready: "reject" }) });
    talk.connect();
    await settle();
    expect(talk.getState().error?.code).toBe("sdk-load-failed");
  });

  it("reports a talk loader that throws as sdk-load-failed, and retry() loads again", async () => {
    const fake = createFakeTalk();
    const load = vi
      .fn<() => Promise<TalkModule>>()
      .mockRejectedValueOnce(new Error("chunk failed"))
      .mockResolvedValue(fake);
    const talk = createTalkSession({ appId, userId: "pete", talk: load });
    talk.connect();
    await settle();
    expect(talk.getState().error?.code).toBe("sdk-load-failed");
    talk.retry();
    await settle();
    expect(talk.getState().status).toBe("ready");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('accepts a loader that returns the module namespace, like () => import("talkjs")', async () => {
    const fake = createFakeTalk();
    const talk = createTalkSession({
      appId,
      userId: "pete",
      talk: async () => ({ default: fake }) as unknown as TalkModule,
    });
    talk.connect();
    await settle();
    expect(talk.getState().status).toBe("ready");
  });

  it("turns a throwing Session constructor into session-create-failed", async () => {
    const fake = createFakeTalk();
    fake.failNextSession(new Error("[TalkJS] app not found"));
    const talk = createTalkSession({ appId, userId: "pete", talk: fake });
    talk.connect();
    await settle();
    expect(talk.getState().error?.code).toBe("session-create-failed");
    expect((talk.getState().error?.cause as Error).message).toBe("[TalkJS] app not found");
    talk.retry();
    await settle();
    expect(talk.getState().status).toBe("ready");
  });

  it("turns an app id TalkJS does not know into session-create-failed", async () => {
    const fake = createFakeTalk({ appIds: ["real-app"] });
    const talk = createTalkSession({ appId, userId: "pete", talk: fake });
    talk.connect();
    await settle();
    expect(talk.getState().error?.code).toBe("session-create-failed");
    expect(fake.liveSessions()).toHaveLength(0);
  });
});
