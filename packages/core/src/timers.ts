// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days): longer ones are clamped to that.
// The globals are looked up on every call, so tests can install fake timers after import.
export const later = (callback: () => void, ms: number): ReturnType<typeof setTimeout> =>
  setTimeout(callback, Math.min(ms, 2 ** 31 - 1));

/** Resolves after `ms`; at once, and without a timer left behind, once `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = later(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
