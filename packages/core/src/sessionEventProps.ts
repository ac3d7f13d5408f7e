import type { SessionEventHandlers, SessionEventName } from "./types";

/** Every event as an `on*` prop: `onMessage`, `onUnreadsChange`, `onError`, ... */
export type SessionEventProps = {
  [Name in SessionEventName as `on${Capitalize<Name>}`]?: SessionEventHandlers[Name];
};

/**
 * The event an `on*` prop stands for: `"onMessage"` gives `"message"`; anything else gives `undefined`.
 *
 * @example
 * eventNameOfProp("onDesktopNotificationClicked"); // "desktopNotificationClicked"
 */
export function eventNameOfProp(prop: string): SessionEventName | undefined {
  if (prop.length < 3 || !prop.startsWith("on") || prop[2] !== prop[2]!.toUpperCase()) return undefined;
  return `${prop[2]!.toLowerCase()}${prop.slice(3)}` as SessionEventName;
}
