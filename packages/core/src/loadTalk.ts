import { dev } from "./dev";
import { SessionError } from "./SessionError";
import { later } from "./timers";
import type { TalkModule } from "./types";

/**
 * The script the `talkjs` loader injects; allow it in a Content-Security-Policy, or route it in end-to-end tests.
 *
 * @example
 * await page.route(talkScriptUrl, (route) => route.fulfill({ path: "node_modules/@x/session-testing/dist/talk.browser.js" }));
 */
export const talkScriptUrl = "https://cdn.talkjs.com/talk.js";

// Scripts we saw fail; a retry injects a fresh one instead of waiting on a dead element.
const failedScripts = new WeakSet<Element>();

/**
 * Loads the SDK (the `talk` option, or `import("talkjs")`) and waits for `Talk.ready`, failing fast
 * when the CDN script errors and failing with `sdk-load-timeout` after `timeoutMs`.
 */
export async function loadTalk(
  source: TalkModule | (() => Promise<TalkModule>) | undefined,
  timeoutMs: number,
): Promise<TalkModule> {
  const failed = (cause?: unknown) =>
    new SessionError(
      "sdk-load-failed",
      // The talkjs package loaded where there is no browser: server rendering code called connect().
      dev &&
        (typeof window == "undefined" && !source
          ? `TalkJS only runs in a browser, and connect() was called where there is none (server rendering?). Connect in the browser only: in an effect, onMounted or onMount.`
          : `TalkJS failed to load: the network, a Content-Security-Policy or an ad blocker blocked ${talkScriptUrl}. Call retry() to try again.`),
      { cause },
    );
  let talk: TalkModule;
  try {
    const loaded = (
      typeof source == "function" ? await source() : (source ?? (await import("talkjs")))
    ) as TalkModule & { default?: TalkModule };
    // `import("talkjs")` gives a namespace whose default export is the SDK object.
    talk = loaded.default ?? loaded;
  } catch (cause) {
    throw new SessionError(
      "sdk-load-failed",
      dev && `Could not load the "talkjs" module (see cause). Install it, or pass the SDK as "talk".`,
      { cause },
    );
  }
  let script: Element | undefined;
  if (typeof document == "object") {
    const scripts = [...document.querySelectorAll(`script[src="${talkScriptUrl}"]`)];
    script = scripts.find((element) => !failedScripts.has(element));
    // Only a loader stub (no `Session` yet) still waits for the script; the real SDK needs none.
    if (!script && scripts[0] && !("Session" in talk)) {
      for (const element of scripts) element.remove();
      script = document.head.appendChild(
        Object.assign(document.createElement("script"), { async: true, src: talkScriptUrl }),
      );
    }
  }
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: SessionError) => {
      clearTimeout(timer);
      script?.removeEventListener("error", onScriptError);
      if (error) reject(error);
      else resolve();
    };
    const onScriptError = () => {
      if (script) failedScripts.add(script);
      settle(failed());
    };
    const timer = later(
      () =>
        settle(
          new SessionError(
            "sdk-load-timeout",
            dev &&
              `TalkJS was not ready within ${timeoutMs} ms. Check the network or raise "loadTimeoutMs", then call retry().`,
          ),
        ),
      timeoutMs,
    );
    script?.addEventListener("error", onScriptError);
    try {
      // The loader's `ready` is a thenable with a queue, not a promise; Promise.resolve adopts it.
      Promise.resolve(talk.ready).then(
        () => settle(),
        (cause: unknown) => settle(failed(cause)),
      );
    } catch (cause) {
      // The talkjs build for Node throws on `ready`: it only works in browsers.
      settle(failed(cause));
    }
  });
  return talk;
}
