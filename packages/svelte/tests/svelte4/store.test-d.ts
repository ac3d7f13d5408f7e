// Checked with tsconfig.svelte4.json, where "svelte/store" is Svelte 4's ambient module declaration.
import type { SessionState } from "@x/session-core";
import { derived, get, type Readable } from "svelte/store";
import { describe, expectTypeOf, it } from "vitest";
import { createSessionStore } from "../../src/lib/createSessionStore";

describe("createSessionStore on Svelte 4", () => {
  it("is a Svelte 4 readable store of SessionState", () => {
    const store = createSessionStore({ appId: "app", userId: "pete" });
    expectTypeOf(store).toExtend<Readable<SessionState>>();
    expectTypeOf(get(store)).toEqualTypeOf<SessionState>();
    expectTypeOf(derived(store, ($session) => $session.unreads?.length ?? 0)).toEqualTypeOf<Readable<number>>();
  });
});
