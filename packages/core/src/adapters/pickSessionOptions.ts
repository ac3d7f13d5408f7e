import { eventNameOfProp } from "./sessionEventProps";
import type { SessionOptions } from "../classic/types";

/**
 * The session options among a component's props: every prop but `undefined` values, events (`on*`), `children`,
 * `controller` and `sessionRef`.
 *
 * @example
 * controller.setOptions(pickSessionOptions(props));
 */
export function pickSessionOptions(props: object): SessionOptions {
  const options: Record<string, unknown> = {};
  for (const name in props) {
    const value = (props as Record<string, unknown>)[name];
    if (value !== undefined && !eventNameOfProp(name) && !/^(children|controller|sessionRef)$/.test(name))
      options[name] = value;
  }
  return options as unknown as SessionOptions;
}
