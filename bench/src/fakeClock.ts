// Fake time for the bench (it runs in plain Node, without vitest): setTimeout, clearTimeout and Date.now replaced on
// globalThis, and `advance(ms)` running every timer due in order, letting promises settle between them.
import { setImmediate as nextMacrotask } from "node:timers/promises";

interface Timer {
  at: number;
  order: number;
  callback: () => void;
}

/** Installs fake timers; `advance` moves time, `uninstall` puts the real ones back. */
export function installFakeClock(): { advance: (ms: number) => Promise<void>; uninstall: () => void } {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
  let now = real.now();
  let order = 0;
  const timers = new Map<number, Timer>();
  const settle = async () => {
    for (let round = 0; round < 3; round++) await nextMacrotask();
  };
  globalThis.setTimeout = ((callback: () => void, ms = 0) => {
    const id = ++order;
    timers.set(id, { at: now + Math.max(0, Number(ms) || 0), order: id, callback });
    return id;
  }) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((id: number | undefined) => {
    if (id !== undefined) timers.delete(id);
  }) as typeof clearTimeout;
  Date.now = () => now;
  return {
    async advance(ms) {
      const end = now + ms;
      await settle();
      for (;;) {
        const [id, next] = [...timers].reduce<[number, Timer] | [undefined, undefined]>(
          (earliest, entry) =>
            earliest[1] === undefined ||
            entry[1].at < earliest[1].at ||
            (entry[1].at === earliest[1].at && entry[1].order < earliest[1].order)
              ? entry
              : earliest,
          [undefined, undefined],
        );
        if (id === undefined || next.at > end) break;
        timers.delete(id);
        now = Math.max(now, next.at);
        next.callback();
        await settle();
      }
      now = end;
    },
    uninstall() {
      globalThis.setTimeout = real.setTimeout;
      globalThis.clearTimeout = real.clearTimeout;
      Date.now = real.now;
    },
  };
}
