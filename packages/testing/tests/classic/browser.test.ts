import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import type { FakeTalk, FakeTalkWindow } from "../../src/index.js";
import { installFakeTalk } from "../../src/index.js";

const browserBuild = fileURLToPath(new URL("../../dist/talk.browser.js", import.meta.url));

/** The real loader snippet from the talkjs package, run against a document that records the script tag. */
function talkjsLoaderSnippet(): string {
  const loader = readFileSync(createRequire(import.meta.url).resolve("talkjs/src/index.esnext.js"), "utf8");
  const snippet = /\/\/ Snippet\[starts\]([\s\S]*?)\/\/ Snippet\[ends\]/.exec(loader)?.[1];
  if (snippet === undefined) throw new Error("the talkjs loader snippet was not found");
  return snippet;
}

function browserLikeContext(): vm.Context & FakeTalkWindow & Record<string, unknown> {
  const scripts: unknown[] = [];
  const context = vm.createContext({
    setTimeout,
    clearTimeout,
    crypto: globalThis.crypto,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    console,
    scripts,
    document: { createElement: () => ({}), head: { appendChild: (script: unknown) => scripts.push(script) } },
  });
  vm.runInContext("var window = globalThis;", context);
  return context;
}

function stubWindow(): { window: FakeTalkWindow; queue: unknown[] } {
  const queue: unknown[] = [];
  const stub = {
    v: 3,
    ready: {
      then: (callback: () => unknown) => new Promise((resolve, reject) => queue.push([callback, resolve, reject])),
      c: queue,
    },
  };
  return { window: { Talk: stub }, queue };
}

describe("installFakeTalk()", () => {
  it("completes the loader stub in place, as code that imported talkjs holds that object, and exposes TalkFake", async () => {
    const { window } = stubWindow();
    const imported = window.Talk as FakeTalk;
    const fake = installFakeTalk(window);
    expect(window.Talk).toBe(imported);
    expect(window.TalkFake).toBe(fake);
    await expect(imported.ready).resolves.toBeUndefined();
    const session = new imported.Session({ appId: "test-app", userId: "pete" });
    expect(fake.sessions).toEqual([session]);
  });

  it("drains the stub queue, resolving with each callback's value and rejecting with its error", async () => {
    const { window, queue } = stubWindow();
    const stub = window.Talk as { ready: { then: (callback: () => unknown) => Promise<unknown> } };
    const created = stub.ready.then(() => new (window.Talk as FakeTalk).Session({ appId: "test-app", userId: "pete" }));
    const failed = stub.ready.then(() => {
      throw new Error("app bug");
    });
    let legacyCalled = false;
    queue.push([() => (legacyCalled = true)]);
    const fake = installFakeTalk(window);
    await expect(created).resolves.toBe(fake.sessions[0]);
    await expect(failed).rejects.toThrow("app bug");
    expect(legacyCalled).toBe(true);
    expect(queue).toHaveLength(0);
  });

  it("uses window.TalkFakeOptions but is ready at once", async () => {
    const window: FakeTalkWindow = { TalkFakeOptions: { ready: "never", notificationPermission: "denied" } };
    const fake = installFakeTalk(window);
    await expect(fake.ready).resolves.toBeUndefined();
    const session = new fake.Session({ appId: "test-app", userId: "pete" });
    await expect(session.setDesktopNotificationEnabled(true)).rejects.toMatchObject({
      code: "NOTIFICATIONS_PERMISSION_DENIED",
    });
  });

  it("just installs window.Talk when there is no stub", () => {
    const window: FakeTalkWindow = {};
    const fake = installFakeTalk(window);
    expect(window.Talk).toBe(fake);
  });
});

// Skipped only outside CI, before the first build; CI builds the package before its tests (turbo.json).
describe.skipIf(!existsSync(browserBuild) && !process.env.CI)("dist/talk.browser.js", () => {
  it("acts as the CDN script for the real talkjs loader snippet", async () => {
    const context = browserLikeContext();
    vm.runInContext(talkjsLoaderSnippet(), context);
    expect(context["scripts"]).toEqual([expect.objectContaining({ src: "https://cdn.talkjs.com/talk.js" })]);
    vm.runInContext(
      `window.created = Talk.ready.then(function () {
         return new Talk.Session({ appId: "test-app", userId: "pete" }).appId;
       });`,
      context,
    );
    const imported = context.Talk;
    vm.runInContext(readFileSync(browserBuild, "utf8"), context);
    await expect(context["created"]).resolves.toBe("test-app");
    expect(context.Talk).toBe(imported);
    expect(context.TalkFake?.liveSessions()).toHaveLength(1);
  });

  it("gives the page's sessions the fake boxes, with their controls on window.TalkFake", async () => {
    const context = browserLikeContext();
    vm.runInContext(readFileSync(browserBuild, "utf8"), context);
    vm.runInContext(
      `var chatbox = new Talk.Session({ appId: "test-app", userId: "pete" }).createChatbox();
       window.selected = chatbox.select("order-42");`,
      context,
    );
    await context["selected"];
    const [box] = context.TalkFake?.boxes ?? [];
    expect(box?.kind).toBe("chatbox");
    expect(box?.conversationId).toBe("order-42");
    expect(box?.callCount("select")).toBe(1);
  });
});
