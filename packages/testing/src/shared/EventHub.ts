type Handler = (payload: never) => unknown;

interface Listener {
  readonly handler: Handler;
  /** Added with the legacy `on(name, handler)`, so `off(name, handler)` may remove it. */
  readonly legacy: boolean;
}

/**
 * The fake's event emitter. Every handler runs even if an earlier one throws; the first error is
 * then rethrown (an `AggregateError` when several threw), the way an uncaught SDK callback error surfaces.
 */
export class EventHub {
  #listeners = new Map<string, Listener[]>();

  add(name: string, handler: Handler, legacy = false): () => void {
    const listener: Listener = { handler, legacy };
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
    return () => this.#remove(name, (candidate) => candidate === listener);
  }

  removeLegacy(name: string, handler: Handler): void {
    this.#remove(name, (candidate) => candidate.legacy && candidate.handler === handler);
  }

  /** Calls every handler synchronously and returns what each one returned. */
  emit(name: string, payload: unknown): unknown[] {
    const results: unknown[] = [];
    const errors: unknown[] = [];
    // Copied by `#remove`, so handlers may unsubscribe while we iterate.
    for (const { handler } of this.#listeners.get(name) ?? []) {
      try {
        // Events without a payload (a box's focus, open, ...) call their handlers with no argument, as TalkJS does.
        results.push(
          payload === undefined ? (handler as () => unknown)() : (handler as (value: unknown) => unknown)(payload),
        );
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `[TalkJS fake] ${errors.length} "${name}" handlers threw.`);
    return results;
  }

  count(): number {
    let total = 0;
    for (const listeners of this.#listeners.values()) total += listeners.length;
    return total;
  }

  clear(): void {
    this.#listeners = new Map();
  }

  #remove(name: string, matches: (listener: Listener) => boolean): void {
    const listeners = this.#listeners.get(name);
    if (listeners === undefined) return;
    const index = listeners.findIndex(matches);
    if (index === -1) return;
    const remaining = listeners.filter((_, position) => position !== index);
    if (remaining.length === 0) this.#listeners.delete(name);
    else this.#listeners.set(name, remaining);
  }
}
