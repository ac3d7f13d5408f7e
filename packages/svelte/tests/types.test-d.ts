import type { SessionController, SessionError, SessionState } from "@x/session-core";
import type { Readable } from "svelte/store";
import type Talk from "talkjs";
import { describe, expectTypeOf, it } from "vitest";
import { createSessionStore, type SessionStore } from "../src/lib/createSessionStore";
import type { TalkSessionProps } from "../src/lib/TalkSessionProps";

declare const controller: SessionController;

describe("createSessionStore types", () => {
  it("is a Svelte 5 readable store of SessionState (Svelte 4: tests/svelte4)", () => {
    const store = createSessionStore({ appId: "app", userId: "pete" });
    expectTypeOf(store).toExtend<Readable<SessionState>>();
    expectTypeOf(createSessionStore({ controller })).toEqualTypeOf<SessionStore>();
  });

  it("types events with the SDK's payloads", () => {
    const store = createSessionStore({ appId: "app", userId: "pete" });
    store.on("message", (message) => expectTypeOf(message).toEqualTypeOf<Talk.Message>());
    store.on("error", (error) => expectTypeOf(error).toEqualTypeOf<SessionError>());
    // @ts-expect-error not an event name
    store.on("nonsense", () => {});
  });

  it("needs exactly one of userId or syncUser", () => {
    // @ts-expect-error userId and syncUser are exclusive
    createSessionStore({ appId: "app", userId: "pete", syncUser: () => ({}) as unknown as Talk.User });
    // @ts-expect-error one of userId or syncUser is required
    createSessionStore({ appId: "app" });
  });
});

describe("TalkSessionProps", () => {
  it("accepts options with on* callbacks typed from the SDK", () => {
    expectTypeOf({
      appId: "app",
      userId: "pete",
      onMessage: (message: Talk.Message) => message.body,
      onUnreadsChange: (unreads: Talk.UnreadConversation[]) => unreads.length,
    }).toExtend<TalkSessionProps>();
    expectTypeOf({ controller, onError: (error: SessionError) => error.code }).toExtend<TalkSessionProps>();
  });

  it("takes a controller alone or with a full set of options, as the runtime does", () => {
    expectTypeOf({ controller }).toExtend<TalkSessionProps>();
    expectTypeOf({ controller, appId: "app", userId: "maria" }).toExtend<TalkSessionProps>();
    expectTypeOf({
      controller,
      appId: "app",
      syncUser: () => ({}) as unknown as Talk.User,
    }).toExtend<TalkSessionProps>();
  });

  it("rejects both userId and syncUser, and incomplete options next to a controller", () => {
    expectTypeOf({
      appId: "app",
      userId: "pete",
      syncUser: () => ({}) as unknown as Talk.User,
    }).not.toExtend<TalkSessionProps>();
    expectTypeOf({ controller, appId: "app" }).not.toExtend<TalkSessionProps>();
    expectTypeOf({ controller, userId: "maria" }).not.toExtend<TalkSessionProps>();
    expectTypeOf({
      appId: "app",
      userId: "pete",
      onMessage: (count: number) => count,
    }).not.toExtend<TalkSessionProps>();
  });
});
