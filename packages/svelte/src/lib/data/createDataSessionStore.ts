import {
  createDataSession,
  type DataSessionController,
  type DataSessionOptions,
  type DataSessionState,
} from "@x/session-core/data";
import { controllerStore } from "../controllerStore.js";

/**
 * A Svelte readable store of a data session's state (`$talk.status`) plus the controller's commands; made by
 * `createDataSessionStore`, what `getDataSessionContext()` returns, and the `talk` every query store takes.
 *
 * @example
 * const talk: DataSessionStore = getDataSessionContext();
 * const messages = messagesStore(talk, "order-1");
 */
export interface DataSessionStore extends Pick<
  DataSessionController,
  "on" | "setOptions" | "whenReady" | "retry" | "destroy" | "send" | "resend" | "discard"
> {
  /** The store contract: calls `run` now and after every change; the first subscriber connects. */
  subscribe(run: (state: DataSessionState) => void, invalidate?: () => void): () => void;
  /** The controller behind the store: its live queries, and code shared with other frameworks. */
  readonly controller: DataSessionController;
}

/**
 * Creates a readable store of a TalkJS data session (`@talkjs/core`), for Svelte 4 and 5 (`$talk.status`).
 * The first subscriber connects; the last unsubscribe releases. On a server it never connects.
 *
 * @example
 * const talk = createDataSessionStore({ appId: "APP_ID", userId: "pete", tokenFetcher });
 * const conversations = conversationsStore(talk); // in markup: {#each $conversations.data ?? [] as c}...{/each}
 * @throws TypeError when an option is missing, wrong or unknown, naming the option.
 */
export function createDataSessionStore(
  options: DataSessionOptions | { controller: DataSessionController },
): DataSessionStore {
  const controller = "controller" in options ? options.controller : createDataSession(options);
  const methods = ["on", "setOptions", "whenReady", "retry", "destroy", "send", "resend", "discard"] as const;
  return controllerStore(controller, methods);
}
