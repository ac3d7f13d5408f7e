import { dev } from "./dev";
import type Talk from "talkjs";
import { SessionError } from "./SessionError";
import type { SessionEventHandlers } from "../classic/types";

type Handler = (payload: unknown) => unknown;

const noop = () => {};

/** Fan-out of a controller's events (the session's by default, or a UI box's); see `createEventHub`. */
export interface EventHub<Handlers = SessionEventHandlers> {
  /** Adds a handler; returns its removal. Needs no `this`, so a controller can hand it out as its own `on`. */
  on: <Name extends keyof Handlers & string>(name: Name, handler: Handlers[Name]) => () => void;
  /** Calls every handler of `name`; resolves once every promise they returned has settled. */
  emit(name: keyof Handlers & string, payload: unknown): Promise<void> | undefined;
  /**
   * Subscribes a new session (or UI box) to every event that has handlers, with its `on<Name>` methods;
   * `undefined` drops every SDK subscription.
   */
  attach(source: object | undefined): void;
  /** Drops every handler and SDK subscription. */
  clear(): void;
}

/**
 * Any number of handlers per event name, one SDK subscription per name, kept across sessions.
 * Each added handler is an entry (the same function added twice is two entries). Lists of entries are replaced, never
 * mutated, so an emit calls the entries present when it began: one added meanwhile waits for the next emit, and one
 * removed meanwhile (by a handler, or by `clear()`) is marked and skipped, as with removeEventListener.
 */
export function createEventHub<Handlers = SessionEventHandlers>(
  report: (error: SessionError) => void,
): EventHub<Handlers> {
  const handlers = new Map<string, ReadonlyArray<{ handler: Handler; removed?: true }>>();
  const subscriptions = new Map<string, Talk.Subscription | undefined>();
  let session: object | undefined;

  const failed = (name: string, cause: unknown) => {
    // Reporting an error handler's own failure through `error` could loop forever.
    if (name == "error") console.error(dev ? `[talk-session] An "error" handler threw:` : "talk-session", cause);
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

  // `error` and `unreadsChange` are raised by the controller itself; every other name is the SDK's `on<Name>`.
  const subscribe = (name: string) => {
    const method = `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    const sdkSubscribe = (session as unknown as Record<string, unknown> | undefined)?.[method];
    if (name == "error" || name == "unreadsChange" || subscriptions.has(name)) return;
    if (typeof sdkSubscribe == "function")
      subscriptions.set(
        name,
        sdkSubscribe.call(session, (payload: unknown) =>
          hub.emit(name as keyof Handlers & string, payload),
        ) as Talk.Subscription,
      );
    else if (dev && session)
      console.warn(`[talk-session] on("${name}"): this TalkJS version has no "${method}" event.`);
  };

  const unsubscribe = (name: string) => {
    subscriptions.get(name)?.unsubscribe();
    subscriptions.delete(name);
  };

  const hub: EventHub<Handlers> = {
    on(name, handler) {
      const entry: { handler: Handler; removed?: true } = { handler: handler as Handler };
      handlers.set(name, [...(handlers.get(name) ?? []), entry]);
      subscribe(name);
      return () => {
        if (entry.removed) return;
        entry.removed = true;
        const remaining = (handlers.get(name) ?? []).filter((other) => other != entry);
        if (remaining.length) handlers.set(name, remaining);
        else {
          handlers.delete(name);
          unsubscribe(name);
        }
      };
    },
    emit(name, payload) {
      const pending: Promise<unknown>[] = [];
      for (const entry of handlers.get(name) ?? []) {
        if (entry.removed) continue;
        try {
          const result = entry.handler(payload) as PromiseLike<unknown> | undefined;
          if (typeof result?.then == "function")
            pending.push(Promise.resolve(result).catch((cause: unknown) => failed(name, cause)));
        } catch (cause) {
          failed(name, cause);
        }
      }
      return pending.length ? Promise.all(pending).then(noop) : undefined;
    },
    attach(next) {
      for (const [name] of subscriptions) unsubscribe(name);
      session = next;
      if (next) for (const [name] of handlers) subscribe(name);
    },
    clear() {
      hub.attach(undefined);
      for (const [, entries] of handlers) for (const entry of entries) entry.removed = true;
      handlers.clear();
    },
  };
  return hub;
}
