import type * as TalkCore from "@talkjs/core";
import { describe, expectTypeOf, it } from "vitest";
import { createFakeCore, type FakeTalkSession } from "../../src/index.js";

describe("createFakeCore() types", () => {
  it("fits where @talkjs/core's module is expected", () => {
    const core = createFakeCore();
    expectTypeOf(core.getTalkSession).toMatchTypeOf<typeof TalkCore.getTalkSession>();
    expectTypeOf(core.registerPolyfills).toMatchTypeOf<typeof TalkCore.registerPolyfills>();
    const module: Pick<typeof TalkCore, "getTalkSession" | "registerPolyfills"> = core;
    expectTypeOf(module).not.toBeAny();
  });

  it("returns TalkJS's TalkSession, with terminate() and forceCreateNew that its types lack", () => {
    const session = createFakeCore().getTalkSession({ appId: "a", userId: "u", forceCreateNew: true });
    expectTypeOf(session).toMatchTypeOf<TalkCore.TalkSession>();
    expectTypeOf(session.terminate).toEqualTypeOf<() => void>();
    expectTypeOf(session.conversation("c").subscribeMessages().state).toEqualTypeOf<
      TalkCore.MessageSubscription["state"]
    >();
    expectTypeOf<FakeTalkSession["phase"]>().toEqualTypeOf<
      "idle" | "auth" | "connecting" | "open" | "offline" | "ended"
    >();
  });

  it("types the controls' arguments", () => {
    const core = createFakeCore();
    // @ts-expect-error publishMessage needs a conversation id
    core.publishMessage({ text: "hi" });
    // @ts-expect-error setTyping takes a boolean
    core.setTyping("c", "u", "yes");
    // @ts-expect-error unknown option
    createFakeCore({ latency: 5 });
  });
});
