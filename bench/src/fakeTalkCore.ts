import { createFakeCore, type FakeCore } from "@x/session-testing";

// Raw `@talkjs/core` code in the bench imports "@talkjs/core"; the bench bundle aliases it here, to the fake of the
// current scenario. Our data controller gets the same fake through its `core` option.
let current: FakeCore = createFakeCore();

/** Starts a scenario on a fresh fake of `@talkjs/core`. */
export function useFreshCore(options?: Parameters<typeof createFakeCore>[0]): FakeCore {
  current = createFakeCore(options);
  return current;
}

export const getTalkSession: FakeCore["getTalkSession"] = (options) => current.getTalkSession(options);
export const registerPolyfills: FakeCore["registerPolyfills"] = (polyfills) => current.registerPolyfills(polyfills);
