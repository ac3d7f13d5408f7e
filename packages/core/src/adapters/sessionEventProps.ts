import type { SessionEventHandlers, SessionEventName } from "../classic/types";

/**
 * Every session event as an optional `on*` prop (`onMessage`, `onUnreadsChange`, `onError`, ...):
 * what the adapters' components accept and hand to `bindEventProps`.
 *
 * @example
 * const props: SessionEventProps = { onError: (error) => console.error(error.code, error.message) };
 */
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
  // Only `on` + a capitalised identifier; `onclick`-style or kebab keys are not events.
  const [, first, rest] = /^on([A-Z])([A-Za-z\d]*)$/.exec(prop) ?? [];
  // Both groups are strings once the pattern matched.
  return (first && first.toLowerCase() + (rest as string)) as SessionEventName | undefined;
}
