import type { CommonSessionOptions } from "../classic/types";

/**
 * The name of every session option, for an adapter that declares them as props.
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
