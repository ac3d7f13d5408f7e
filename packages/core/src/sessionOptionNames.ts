import type { CommonSessionOptions } from "./types";

/**
 * The name of every session option: what `pickSessionOptions` copies, and the props an adapter declares for them.
 *
 * @example
 * const props = Object.fromEntries(sessionOptionNames.map((name) => [name, null]));
 */
export const sessionOptionNames = [
  "appId",
  "userId",
  "syncUser",
  "token",
  "tokenFetcher",
  "signature",
  "desktopNotificationsEnabled",
  "desktopNotificationEnabled",
  "retry",
  "loadTimeoutMs",
  "keepAliveMs",
  "talk",
  "debug",
] as const satisfies ReadonlyArray<keyof CommonSessionOptions | "userId" | "syncUser">;
