import type Talk from "talkjs";
import { SessionError } from "./SessionError";
import type { SessionEventHandlers, SessionEventName } from "./types";

type AnyHandler = (payload: never) => unknown;

// Events the controller raises itself; every other name is a Talk.Session `on<Name>` event.
const localEvents = new Set<string>(["error", "unreadsChange"]);

function sdkMethodName(name: string): string {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/**
 * Event fan-out: any number of handlers per name, one SDK subscription per name, kept across sessions.
 * Handler lists are replaced, never mutated, so removing a handler during an emit is safe.
 */
export class EventHub {
  #handlers = new Map<string, readonly AnyHandler[]>();
  #subscriptions = new Map<string, Talk.Subscription>();
  #session: Talk.Session | undefined;
  #report: (error: SessionError) => void;

  constructor(report: (error: SessionError) => void) {
    this.#report = report;
  }

  on<Name extends SessionEventName>(name: Name, handler: SessionEventHandlers[Name]): () => void {
    const added = handler as unknown as AnyHandler;
    this.#handlers.set(name, [...(this.#handlers.get(name) ?? []), added]);
    if (this.#session) this.#subscribe(this.#session, name);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const current = this.#handlers.get(name) ?? [];
      const index = current.indexOf(added);
      const remaining = current.filter((_, position) => position !== index);
      if (remaining.length > 0) {
        this.#handlers.set(name, remaining);
        return;
      }
      this.#handlers.delete(name);
      this.#subscriptions.get(name)?.unsubscribe();
      this.#subscriptions.delete(name);
    };
  }

  /** Calls every handler of `name`; resolves once every promise they returned has settled. */
  emit<Name extends SessionEventName>(name: Name, payload: Parameters<SessionEventHandlers[Name]>[0]): Promise<void> | undefined {
    const pending: Promise<unknown>[] = [];
    for (const handler of this.#handlers.get(name) ?? []) {
      try {
        const result = (handler as (value: typeof payload) => unknown)(payload);
        if (result instanceof Promise || (typeof result === "object" && result !== null && "then" in result)) {
          pending.push(Promise.resolve(result).catch((cause: unknown) => this.#handlerFailed(name, cause)));
        }
      } catch (cause) {
        this.#handlerFailed(name, cause);
      }
    }
    return pending.length > 0 ? Promise.all(pending).then(() => undefined) : undefined;
  }

  has(name: SessionEventName): boolean {
    return this.#handlers.has(name);
  }

  /** Subscribes the new session to every event that has handlers. */
  attach(session: Talk.Session): void {
    this.detach();
    this.#session = session;
    for (const name of this.#handlers.keys()) this.#subscribe(session, name);
  }

  /** Drops every SDK subscription; handlers stay for the next session. */
  detach(): void {
    for (const subscription of this.#subscriptions.values()) subscription.unsubscribe();
    this.#subscriptions.clear();
    this.#session = undefined;
  }

  clear(): void {
    this.detach();
    this.#handlers.clear();
  }

  #subscribe(session: Talk.Session, name: string): void {
    if (localEvents.has(name) || this.#subscriptions.has(name)) return;
    const subscribe = (session as unknown as Record<string, unknown>)[sdkMethodName(name)];
    if (typeof subscribe !== "function") {
      if (process.env.NODE_ENV !== "production") {
        console.warn(`[talk-session] on("${name}"): this TalkJS version has no "${sdkMethodName(name)}" event; the handler will not be called.`);
      }
      return;
    }
    const subscription = (subscribe as (handler: (payload: never) => unknown) => Talk.Subscription).call(session, (payload) =>
      this.emit(name as SessionEventName, payload),
    );
    this.#subscriptions.set(name, subscription);
  }

  #handlerFailed(name: string, cause: unknown): void {
    if (name === "error") {
      // Reporting an error handler's own failure through `error` could loop forever.
      console.error(`[talk-session] An "error" handler threw:`, cause);
      return;
    }
    this.#report(new SessionError("handler-failed", `A "${name}" handler threw; the other handlers still ran. The thrown error is the cause.`, { cause }));
  }
}
