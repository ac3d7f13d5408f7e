import { dev } from "./dev";
import type Talk from "talkjs";
import { SessionError } from "./SessionError";
import type { SessionEventHandlers, SessionEventName } from "./types";

type Handler = (payload: unknown) => unknown;

/** Fan-out of the controller's events; see `createEventHub`. */
export interface EventHub {
  on<Name extends SessionEventName>(name: Name, handler: SessionEventHandlers[Name]): () => void;
  /** Calls every handler of `name`; resolves once every promise they returned has settled. */
  emit(name: SessionEventName, payload: unknown): Promise<void> | undefined;
  /** Subscribes a new session to every event that has handlers. */
  attach(session: Talk.Session): void;
  /** Drops every SDK subscription; handlers stay for the next session. */
  detach(): void;
  clear(): void;
}

/**
 * Any number of handlers per event name, one SDK subscription per name, kept across sessions.
 * Handler lists are replaced, never mutated, so removing a handler during an emit is safe; a removed one is skipped.
 */
export function createEventHub(report: (error: SessionError) => void): EventHub {
  const handlers = new Map<string, readonly Handler[]>();
  const subscriptions = new Map<string, Talk.Subscription>();
  let session: Talk.Session | undefined;
  let removals = 0;

  const failed = (name: string, cause: unknown) => {
    // Reporting an error handler's own failure through `error` could loop forever.
    if (name === "error") console.error(dev ? `[talk-session] An "error" handler threw:` : "talk-session", cause);
    else
      report(
        new SessionError(
          "handler-failed",
          dev && `A "${name}" handler threw (see cause); the other handlers still ran.`,
          {
            cause,
          },
        ),
      );
  };

  const subscribe = (name: string) => {
    // `error` and `unreadsChange` are raised by the controller itself.
    if (!session || name === "error" || name === "unreadsChange" || subscriptions.has(name)) return;
    const method = `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    const sdkSubscribe = (session as unknown as Record<string, unknown>)[method];
    if (typeof sdkSubscribe === "function") {
      const subscription = sdkSubscribe.call(session, (payload: unknown) =>
        hub.emit(name as SessionEventName, payload),
      ) as Talk.Subscription;
      subscriptions.set(name, subscription);
    } else if (dev) {
      console.warn(`[talk-session] on("${name}"): this TalkJS version has no "${method}" event.`);
    }
  };

  const unsubscribe = (name: string) => {
    subscriptions.get(name)?.unsubscribe();
    subscriptions.delete(name);
  };

  const hub: EventHub = {
    on(name, handler) {
      const added = handler as Handler;
      handlers.set(name, [...(handlers.get(name) ?? []), added]);
      subscribe(name);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        removals++;
        const current = handlers.get(name) ?? [];
        const remaining = current.filter((_, position) => position !== current.indexOf(added));
        if (remaining.length > 0) return void handlers.set(name, remaining);
        handlers.delete(name);
        unsubscribe(name);
      };
    },
    emit(name, payload) {
      const pending: Promise<unknown>[] = [];
      const removalsBefore = removals;
      for (const handler of handlers.get(name) ?? []) {
        // Removed by an earlier handler of this emit, or by destroy(): not called, as with removeEventListener. Only
        // after a removal is the handler looked up, so an emit with no removal costs one comparison per handler.
        if (removals !== removalsBefore && !handlers.get(name)?.includes(handler)) continue;
        try {
          const result = handler(payload) as PromiseLike<unknown> | undefined;
          if (typeof result?.then === "function")
            pending.push(Promise.resolve(result).catch((cause: unknown) => failed(name, cause)));
        } catch (cause) {
          failed(name, cause);
        }
      }
      return pending.length > 0 ? Promise.all(pending).then(() => undefined) : undefined;
    },
    attach(next) {
      hub.detach();
      session = next;
      for (const name of handlers.keys()) subscribe(name);
    },
    detach() {
      for (const name of [...subscriptions.keys()]) unsubscribe(name);
      session = undefined;
    },
    clear() {
      hub.detach();
      removals++;
      handlers.clear();
    },
  };
  return hub;
}
