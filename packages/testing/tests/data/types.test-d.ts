import type * as TalkCore from "@talkjs/core";
import { describe, expectTypeOf, it } from "vitest";
import { createFakeCore, type FakeCore, type FakeTalkSession } from "../../src/index.js";

describe("createFakeCore() types", () => {
  it("fits where @talkjs/core's module is expected", () => {
    expectTypeOf<FakeCore["getTalkSession"]>().toExtend<typeof TalkCore.getTalkSession>();
    expectTypeOf<FakeCore["registerPolyfills"]>().toExtend<typeof TalkCore.registerPolyfills>();
    const module: Pick<typeof TalkCore, "getTalkSession" | "registerPolyfills"> = createFakeCore();
    expectTypeOf(module).not.toBeAny();
  });

  it("returns TalkJS's TalkSession, with terminate() and forceCreateNew that its types lack", () => {
    const session = createFakeCore().getTalkSession({ appId: "a", userId: "u", forceCreateNew: true });
    expectTypeOf(session).toExtend<TalkCore.TalkSession>();
    expectTypeOf<FakeTalkSession["terminate"]>().toEqualTypeOf<() => void>();
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
