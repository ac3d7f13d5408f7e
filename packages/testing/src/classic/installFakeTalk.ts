import { createLoadedFakeTalk } from "./createFakeTalk.js";
import type { FakeTalk } from "./FakeTalk.js";
import type { FakeTalkOptions } from "./FakeTalkOptions.js";

/**
 * The globals the browser build reads and writes (`window` in a page); extend `Window` with it in e2e code.
 * @example
 * declare global { interface Window extends FakeTalkWindow {} }
 * window.TalkFakeOptions = { ready: "resolve", notificationPermission: "denied" };
 */
export interface FakeTalkWindow {
  /** Before: the loader stub (`{ v, ready: { then, catch, c: queue } }`) or nothing. After: the fake. */
  Talk?: unknown;
  /** Options for the fake, set by the page or the e2e test before the script runs. */
  TalkFakeOptions?: FakeTalkOptions;
  /** After: the fake with its controls, for e2e tests (`page.evaluate(() => window.TalkFake.emitMessage())`). */
  TalkFake?: FakeTalk;
}

function loaderQueue(stub: unknown): unknown[] {
  const ready = typeof stub === "object" && stub !== null ? (stub as { ready?: unknown }).ready : undefined;
  const queue = typeof ready === "object" && ready !== null ? (ready as { c?: unknown }).c : undefined;
  return Array.isArray(queue) ? queue : [];
}

/**
 * Does what the CDN `talk.js` does: completes the loader stub `window.Talk` in place (the object that
 * `import Talk from "talkjs"` already holds) with the fake's `ready`, `Session` and `User`, then drains the
 * stub's `ready.c` queue of `[callback, resolve, reject]` entries. Also exposes the fake as `window.TalkFake`.
 * @example
 * window.TalkFakeOptions = { notificationPermission: "denied" };
 * const talk = installFakeTalk(window);
 */
export function installFakeTalk(target: FakeTalkWindow): FakeTalk {
  const queue = loaderQueue(target.Talk);
  const fake = createLoadedFakeTalk(target.TalkFakeOptions ?? {});
  const stub = target.Talk;
  if (typeof stub === "object" && stub !== null) {
    // Code that imported the loader holds the stub object itself, so the SDK must appear on it.
    Object.assign(stub, { ready: fake.ready, Session: fake.Session, User: fake.User });
  } else {
    target.Talk = fake;
  }
  target.TalkFake = fake;
  for (const entry of queue.splice(0, queue.length)) {
    if (!Array.isArray(entry)) continue;
    const [callback, resolve, reject] = entry as [unknown, unknown, unknown];
    try {
      const value: unknown = typeof callback === "function" ? (callback as () => unknown)() : undefined;
      if (typeof resolve === "function") (resolve as (value: unknown) => void)(value);
    } catch (error) {
      if (typeof reject === "function") (reject as (reason: unknown) => void)(error);
    }
  }
  return fake;
}
