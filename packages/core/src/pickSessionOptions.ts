import { sessionOptionNames } from "./sessionOptionNames";
import type { SessionOptions } from "./types";

/**
 * The session options among a component's props, leaving out `undefined` values, events and children.
 *
 * @example
 * controller.setOptions(pickSessionOptions(props));
 */
export function pickSessionOptions(props: object): SessionOptions {
  const options: Record<string, unknown> = {};
  for (const name of sessionOptionNames) {
    const value = (props as Record<string, unknown>)[name];
    if (value !== undefined) options[name] = value;
  }
  return options as unknown as SessionOptions;
}
