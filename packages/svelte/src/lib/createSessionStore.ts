import { controllerStore } from "./controllerStore.js";
import { createTalkSession, type SessionController, type SessionOptions, type SessionState } from "@x/session-core";

/**
 * A Svelte readable store of `SessionState` (`$session.status`) plus the controller's commands;
 * made by `createSessionStore`, and what `getSessionContext()` returns.
 *
 * @example
 * const session: SessionStore = getSessionContext();
 * session.on("message", (message) => console.log(message.body));
 */
export interface SessionStore extends Pick<SessionController, "on" | "setOptions" | "whenReady" | "retry" | "destroy"> {
  /** The store contract: calls `run` now and after every change; the first subscriber connects. */
  subscribe(run: (state: SessionState) => void, invalidate?: () => void): () => void;
  /** The controller behind the store, for code shared with other frameworks. */
  readonly controller: SessionController;
}

/**
 * Creates a readable store of the session state, for Svelte 4 and 5 (`$session.status`).
 * The first subscriber connects; the last unsubscribe releases. On a server it never connects.
 *
 * @example
 * const session = createSessionStore({ appId: "APP_ID", userId: "pete", tokenFetcher });
 * // in markup: {#if $session.status === "ready"} ... {/if}
 * @throws TypeError when an option is missing or wrong, naming the option and the fix.
 */
export function createSessionStore(options: SessionOptions | { controller: SessionController }): SessionStore {
  const controller = "controller" in options ? options.controller : createTalkSession(options);
  return controllerStore(controller, ["on", "setOptions", "whenReady", "retry", "destroy"]);
}
