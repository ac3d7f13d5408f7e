// Looked up on every call so that tests can install fake timers after import.
export const timers = {
  setTimeout: (callback: () => void, ms: number): ReturnType<typeof setTimeout> => globalThis.setTimeout(callback, ms),
  clearTimeout: (id: ReturnType<typeof setTimeout> | undefined): void => globalThis.clearTimeout(id),
  now: (): number => Date.now(),
  random: (): number => Math.random(),
};

/** Resolves after `ms`, through the injectable timers. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => timers.setTimeout(resolve, ms));
}
