/** A pending timer; opaque so Node and browser handles both fit. */
export type TimerHandle = ReturnType<typeof globalThis.setTimeout>;

// Looked up at call time (not captured at import) so `vi.useFakeTimers()` installed later still applies.
export function startTimer(callback: () => void, delayMs: number): TimerHandle {
  return globalThis.setTimeout(callback, Math.max(0, delayMs));
}

export function stopTimer(handle: TimerHandle | undefined): void {
  if (handle !== undefined) globalThis.clearTimeout(handle);
}
