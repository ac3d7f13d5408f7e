/**
 * How long the simulated users wait before the next message: anywhere between half and one and a half times
 * `averageMs`, so messages come at an uneven, human pace instead of on a fixed beat.
 * @example
 * setTimeout(sendNext, chatterDelayMs(10_000)); // 5 to 15 s
 */
export function chatterDelayMs(averageMs: number, random: () => number = Math.random): number {
  return Math.round(averageMs * (0.5 + random()));
}
