// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days): longer ones are clamped to that.
const longestDelay = 2 ** 31 - 1;

// Looked up on every call so that tests can install fake timers after import.
export const timers = {
  setTimeout: (callback: () => void, ms: number): ReturnType<typeof setTimeout> =>
    globalThis.setTimeout(callback, Math.min(ms, longestDelay)),
  clearTimeout: (id: ReturnType<typeof setTimeout> | undefined): void => globalThis.clearTimeout(id),
  now: (): number => Date.now(),
  random: (): number => Math.random(),
};

/** Resolves after `ms`, through the injectable timers; at once, and without a timer left behind, once `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = timers.setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        timers.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
