/** Does nothing: the one no-op every module shares (a removal that has nothing to remove, an ignored rejection). */
export const noop = () => {};

/** `Object.freeze`: every state and entry we hand out is immutable (one name, shorter in a minified bundle). */
export const freeze = Object.freeze;

// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days): longer ones are clamped to that.
// The globals are looked up on every call, so tests can install fake timers after import.
export const later = (callback: () => void, ms: number): ReturnType<typeof setTimeout> =>
  setTimeout(callback, Math.min(ms, 2 ** 31 - 1));

/**
 * Calls `done` once: after `ms`, or at once when `signal` aborts. Whichever comes first, or the returned cancel,
 * removes both the timer and the abort listener, so a wait that ended leaves nothing behind on a long-lived signal.
 */
export function wait(ms: number, signal: AbortSignal | undefined, done: () => void): () => void {
  const finish = () => {
    cancel();
    done();
  };
  const cancel = () => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", finish);
  };
  const timer = later(finish, ms);
  if (signal?.aborted) finish();
  else signal?.addEventListener("abort", finish);
  return cancel;
}

/** Resolves after `ms`, or at once once `signal` aborts; leaves no timer or listener behind either way. */
export const delay = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => wait(ms, signal, resolve));
