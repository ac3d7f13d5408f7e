import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import type { TalkCoreFakeGlobal } from "../../src/data/browser.js";

const browserBuild = fileURLToPath(new URL("../../dist/core.browser.js", import.meta.url));

// Skipped only outside CI, before the first build; CI builds the package before its tests (turbo.json).
describe.skipIf(!existsSync(browserBuild) && !process.env.CI)("dist/core.browser.js", () => {
  it("puts createFakeCore and signTestToken on globalThis.TalkCoreFake, with a working fake", async () => {
    const context = vm.createContext({
      setTimeout,
      clearTimeout,
      queueMicrotask,
      crypto: globalThis.crypto,
      TextEncoder,
      TextDecoder,
      atob,
      btoa,
    });
    vm.runInContext(readFileSync(browserBuild, "utf8"), context);
    const fake = (context as { TalkCoreFake?: TalkCoreFakeGlobal }).TalkCoreFake;
    expect(fake).toBeDefined();
    if (fake === undefined) return;

    const secret = "demo-secret";
    const core = fake.createFakeCore({
      secret,
      seed: {
        conversations: [{ id: "c1", participants: ["pete", "sam"], messages: [{ senderId: "sam", text: "Hi" }] }],
      },
    });
    const session = core.getTalkSession({ appId: "demo", userId: "pete" });
    const token = await fake.signTestToken({ secret, appId: "demo", userId: "pete" });
    session.onNeedToken = () => session.setToken(token);
    const subscription = session.conversation("c1").subscribeMessages();
    const active = await subscription.connected;
    expect(active.latestSnapshot?.map((message) => message.plaintext)).toEqual(["Hi"]);
  });
});
