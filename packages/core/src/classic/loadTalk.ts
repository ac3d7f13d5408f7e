import { dev } from "../machine/dev";
import { SessionError } from "../machine/SessionError";
import { later, noop } from "../machine/timers";
import type { TalkModule } from "./types";

/**
 * The script the `talkjs` loader injects; allow it in a Content-Security-Policy, or route it in end-to-end tests.
 *
 * @example
 * await page.route(talkScriptUrl, (route) => route.fulfill({ path: "node_modules/@x/session-testing/dist/talk.browser.js" }));
 */
export const talkScriptUrl = "https://cdn.talkjs.com/talk.js";

/**
 * Loads the SDK (the `talk` option, or `import("talkjs")`) and waits for `Talk.ready`, failing fast
 * when the CDN script errors and failing with `sdk-load-timeout` after `timeoutMs`.
 */
export async function loadTalk(
  source: TalkModule | (() => Promise<TalkModule>) | undefined,
  timeoutMs: number,
): Promise<TalkModule> {
  // Development builds say whether the module or the script failed: whether the module had loaded.
  let talk: TalkModule | undefined;
  let script: Element | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fail: (reason: unknown) => void = noop;
  try {
    const loaded = (
      typeof source == "function" ? await source() : (source ?? (await import("talkjs")))
    ) as TalkModule & { default?: TalkModule };
    // `import("talkjs")` gives a namespace whose default export is the SDK object.
    const sdk = loaded.default ?? loaded;
    if (dev) talk = sdk;
    // Only a loader stub (no `Session` yet) waits for the CDN script: for its error, fail at once. After a failed
    // script (removed below), a retry injects a fresh one.
    if (typeof document == "object" && !("Session" in sdk))
      script =
        document.querySelector(`script[src="${talkScriptUrl}"]`) ??
        document.head.appendChild(Object.assign(document.createElement("script"), { async: true, src: talkScriptUrl }));
    await new Promise((resolve, reject) => {
      fail = reject;
      timer = later(
        () =>
          reject(
            new SessionError(
              "sdk-load-timeout",
              dev &&
                `TalkJS was not ready within ${timeoutMs} ms. Check the network or raise "loadTimeoutMs", then call retry().`,
            ),
          ),
        timeoutMs,
      );
      script?.addEventListener("error", fail);
      // The loader's `ready` is a thenable with a queue, not a promise; Promise.resolve adopts it. The talkjs build
      // for Node throws on `ready` (it only works in browsers): the executor turns that into a rejection too.
      Promise.resolve(sdk.ready).then(resolve, reject);
    });
    return sdk;
  } catch (cause) {
    if (cause instanceof SessionError) throw cause;
    // A script error: a retry injects a fresh script instead of waiting on this dead one.
    if (cause instanceof Event) script?.remove();
    throw new SessionError(
      "sdk-load-failed",
      dev &&
        (!talk
          ? `Could not load the "talkjs" module (see cause). Install it, or pass the SDK as "talk".`
          : // The talkjs package loaded where there is no browser: server rendering code called connect().
            typeof window == "undefined" && !source
            ? `TalkJS only runs in a browser, and connect() was called where there is none (server rendering?). Connect in the browser only: in an effect, onMounted or onMount.`
            : `TalkJS failed to load: the network, a Content-Security-Policy or an ad blocker blocked ${talkScriptUrl}. Call retry() to try again.`),
      { cause },
    );
  } finally {
    clearTimeout(timer);
    script?.removeEventListener("error", fail);
  }
}
