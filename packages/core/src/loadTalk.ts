import { SessionError } from "./SessionError";
import { timers } from "./timers";
import type { TalkModule } from "./types";

/** The script the `talkjs` loader injects. */
export const talkScriptUrl = "https://cdn.talkjs.com/talk.js";

// Scripts we saw fail; a retry injects a fresh one instead of waiting on a dead element.
const failedScripts = new WeakSet<HTMLScriptElement>();

// `import("talkjs")` gives a namespace whose default export is the SDK object.
function unwrapModule(loaded: TalkModule | { default: TalkModule }): TalkModule {
  return "default" in loaded && loaded.default ? loaded.default : (loaded as TalkModule);
}

function findTalkScript(talk: TalkModule): HTMLScriptElement | undefined {
  if (typeof document === "undefined") return undefined;
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>(`script[src="${talkScriptUrl}"]`));
  const alive = scripts.filter((script) => !failedScripts.has(script));
  if (alive.length > 0) return alive[alive.length - 1];
  // Only a loader stub (no `Session` yet) still waits for the script; the real SDK needs none.
  if (scripts.length === 0 || "Session" in talk) return undefined;
  for (const script of scripts) script.remove();
  const fresh = document.createElement("script");
  fresh.async = true;
  fresh.src = talkScriptUrl;
  document.head.appendChild(fresh);
  return fresh;
}

function waitForReady(talk: TalkModule, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    const settle = (finish: () => void) => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      finish();
    };
    const timer = timers.setTimeout(
      () =>
        settle(() =>
          reject(
            new SessionError(
              "sdk-load-timeout",
              `The TalkJS SDK did not become ready within ${timeoutMs} ms. Check the network or raise "loadTimeoutMs", then call retry().`,
            ),
          ),
        ),
      timeoutMs,
    );
    cleanups.push(() => timers.clearTimeout(timer));

    const script = findTalkScript(talk);
    if (script) {
      const onError = () => {
        failedScripts.add(script);
        settle(() =>
          reject(
            new SessionError(
              "sdk-load-failed",
              `The TalkJS SDK script (${talkScriptUrl}) failed to load: the network, a Content-Security-Policy or an ad blocker blocked it. Call retry() to try again.`,
            ),
          ),
        );
      };
      script.addEventListener("error", onError);
      cleanups.push(() => script.removeEventListener("error", onError));
    }

    const failed = (cause: unknown) =>
      settle(() =>
        reject(new SessionError("sdk-load-failed", "TalkJS failed to become ready (Talk.ready failed). Call retry() to try again.", { cause })),
      );
    try {
      // The loader's `ready` is a thenable with a queue, not a real promise; Promise.resolve adopts it.
      Promise.resolve(talk.ready).then(() => settle(resolve), failed);
    } catch (cause) {
      // The talkjs build for Node throws on `ready`: it only works in browsers.
      failed(cause);
    }
  });
}

/**
 * Loads the SDK (the `talk` option, or `import("talkjs")`) and waits for `Talk.ready`, failing fast
 * when the CDN script errors and failing with `sdk-load-timeout` after `timeoutMs`.
 */
export async function loadTalk(
  source: TalkModule | (() => Promise<TalkModule>) | undefined,
  timeoutMs: number,
): Promise<TalkModule> {
  let talk: TalkModule;
  try {
    const loaded = typeof source === "function" ? await source() : (source ?? (await import("talkjs")));
    talk = unwrapModule(loaded as TalkModule | { default: TalkModule });
  } catch (cause) {
    throw new SessionError(
      "sdk-load-failed",
      `Could not load the talkjs module. Install the "talkjs" package, or pass the SDK as the "talk" option.`,
      { cause },
    );
  }
  await waitForReady(talk, timeoutMs);
  return talk;
}
