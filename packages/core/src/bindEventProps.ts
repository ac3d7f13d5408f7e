import { eventNameOfProp } from "./sessionEventProps";

/** What a binding subscribes through: any `on(name, handler) => off`, e.g. a session or a UI box controller. */
interface EventSource {
  on: (name: never, handler: never) => () => void;
}

/**
 * Keeps a controller subscribed to a component's `on*` props; made by `bindEventProps`.
 *
 * @example
 * const binding: EventPropsBinding = bindEventProps(controller);
 * binding.update(props); // after every render; binding.dispose() on unmount
 */
export interface EventPropsBinding {
  /** Takes the latest props; subscribes to names that appeared and drops names that are gone. Works detached. */
  update: (props: object) => void;
  /** Removes every handler this binding added. */
  dispose: () => void;
}

/**
 * Binds `on*` props (`onMessage`, `onUnreadsChange`, `onError`, ...; a box's `onSendMessage`, ...) to a
 * controller for adapters: one `on()` per event name, always calling the latest prop, so a new inline
 * arrow each render never resubscribes anything.
 *
 * @example
 * const binding = bindEventProps(controller);
 * binding.update({ onMessage: (message) => console.log(message.body) });
 */
export function bindEventProps(controller: EventSource): EventPropsBinding {
  let latest: Readonly<Record<string, unknown>> = {};
  const bound = new Map<string, () => void>();
  const handlerOf = (prop: string) => latest[prop] as ((payload: unknown) => unknown) | undefined;
  const update = (props: object) => {
    latest = props as Readonly<Record<string, unknown>>;
    for (const [prop, off] of bound) {
      if (typeof handlerOf(prop) !== "function") {
        off();
        bound.delete(prop);
      }
    }
    for (const prop of Object.keys(latest)) {
      const name = eventNameOfProp(prop);
      if (name && !bound.has(prop) && typeof handlerOf(prop) === "function") {
        bound.set(prop, controller.on(name as never, ((payload: unknown) => handlerOf(prop)?.(payload)) as never));
      }
    }
  };
  // With no props left, every handler goes.
  return { update, dispose: () => update({}) };
}
