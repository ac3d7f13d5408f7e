import type { CommonSessionOptions, SessionOptions } from "./types";

const optionNames = [
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

/**
 * The session options among a component's props, leaving out `undefined` values, events and children.
 *
 * @example
 * controller.setOptions(pickSessionOptions(props));
 */
export function pickSessionOptions(props: object): SessionOptions {
  const options: Record<string, unknown> = {};
  for (const name of optionNames) {
    const value = (props as Record<string, unknown>)[name];
    if (value !== undefined) options[name] = value;
  }
  return options as unknown as SessionOptions;
}
