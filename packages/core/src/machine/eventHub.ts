import { dev } from "./dev";
import { noop } from "./timers";
import type Talk from "talkjs";
import { SessionError } from "./SessionError";
import type { SessionEventHandlers } from "../classic/types";

type Handler = (...payload: unknown[]) => unknown;

/** `unreadsChange` → `UnreadsChange`: the SDK's event methods are `on` + the capitalised name. */
export const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Fan-out of a controller's events, or of a query's or box's state; see `createEventHub`. */
export interface EventHub<Handlers = SessionEventHandlers> {
  /** Adds a handler; returns its removal. Needs no `this`, so a controller can hand it out as its own `on`. */
  on: <Name extends keyof Handlers & string>(name: Name, handler: Handlers[Name]) => () => void;
  /** Calls every handler of `name` with `payload`; resolves once every promise they returned has settled. */
  emit(name: keyof Handlers & string, ...payload: unknown[]): Promise<void> | undefined;
  /** Drops every handler. An SDK hub's owner detaches it first (`attach(undefined)`), which drops its subscriptions. */
  clear(): void;
}

/** A hub that also subscribes an SDK object (a session, a UI box) to every event that has handlers. */
export interface SdkEventHub<Handlers = SessionEventHandlers> extends EventHub<Handlers> {
  /** Subscribes a new session (or UI box) with its `on<Name>` methods; `undefined` drops every SDK subscription. */
  attach(source: object | undefined): void;
}

/**
 * Any number of handlers per event name. Each added handler is an entry (the same function added twice is two
 * entries). Lists of entries are replaced, never mutated, so an emit calls the entries present when it began: one
 * added meanwhile waits for the next emit, and one removed meanwhile (by a handler, or by `clear()`) is marked and
 * skipped, as with removeEventListener. `watch` hears a name gain its first handler (true) and lose its last (false).
 */
export function createEventHub<Handlers = SessionEventHandlers>(
  report: (error: SessionError) => void,
  watch?: (name: string, watched: boolean) => void,
): EventHub<Handlers> {
  const handlers = new Map<string, ReadonlyArray<{ handler: Handler; removed?: true }>>();

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

  const hub: EventHub<Handlers> = {
    on(name, handler) {
      const entry: { handler: Handler; removed?: true } = { handler: handler as Handler };
      const entries = handlers.get(name) ?? [];
      handlers.set(name, [...entries, entry]);
      if (!entries.length) watch?.(name, true);
      return () => {
        if (entry.removed) return;
        entry.removed = true;
        const remaining = (handlers.get(name) ?? []).filter((other) => other != entry);
        if (remaining.length) handlers.set(name, remaining);
        else {
          handlers.delete(name);
          watch?.(name, false);
        }
      };
    },
    emit(name, ...payload) {
      const pending: Promise<unknown>[] = [];
      for (const entry of handlers.get(name) ?? []) {
        if (entry.removed) continue;
        try {
          const result = entry.handler(...payload) as PromiseLike<unknown> | undefined;
          if (typeof result?.then == "function")
            pending.push(Promise.resolve(result).catch((cause: unknown) => failed(name, cause)));
        } catch (cause) {
          failed(name, cause);
        }
      }
      return pending.length ? Promise.all(pending).then(noop) : undefined;
    },
    // An SDK hub is detached (`attach(undefined)`) before it is cleared: `watch` hears nothing of this.
    clear() {
      for (const [, entries] of handlers) for (const entry of entries) entry.removed = true;
      handlers.clear();
    },
  };
  return hub;
}

/**
 * An event hub with one SDK subscription per name that has handlers, kept across sessions (or boxes): `attach` moves
 * them to a new source. `error` and `unreadsChange` are raised by the controller itself; every other name is the SDK's
 * `on<Name>`.
 */
export function createSdkEventHub<Handlers = SessionEventHandlers>(
  report: (error: SessionError) => void,
): SdkEventHub<Handlers> {
  // Every name with handlers, with its subscription on the current source (undefined: none, or no source yet).
  const subscriptions = new Map<string, Talk.Subscription | undefined>();
  let source: Record<string, unknown> | undefined;

  const subscribe = (name: string) => {
    const method = `on${capitalize(name)}`;
    const sdkSubscribe = source?.[method];
    if (name != "error" && name != "unreadsChange") {
      if (typeof sdkSubscribe == "function")
        return sdkSubscribe.call(source, (payload: unknown) =>
          hub.emit(name as keyof Handlers & string, payload),
        ) as Talk.Subscription;
      if (dev && source) console.warn(`[talk-session] on("${name}"): this TalkJS version has no "${method}" event.`);
    }
  };

  const hub = createEventHub<Handlers>(report, (name, added) => {
    subscriptions.get(name)?.unsubscribe();
    if (added) subscriptions.set(name, subscribe(name));
    else subscriptions.delete(name);
  }) as SdkEventHub<Handlers>;
  hub.attach = (next) => {
    source = next as typeof source;
    for (const [name, subscription] of subscriptions) {
      subscription?.unsubscribe();
      subscriptions.set(name, subscribe(name));
    }
  };
  return hub;
}
