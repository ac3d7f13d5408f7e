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
  // The `off` of each bound prop; undefined once it is dropped.
  const bound: Record<string, (() => void) | undefined> = {};
  const update = (props: object) => {
    latest = props as Readonly<Record<string, unknown>>;
    // Props bound before and props given now: bind what handles and is not bound, drop what is bound and no longer handles.
    for (const prop in { ...bound, ...latest }) {
      const name = eventNameOfProp(prop);
      const off = bound[prop];
      if (name && (typeof latest[prop] == "function") == !off) {
        // Bound and no longer handled: dropped; handled and not bound: bound.
        bound[prop] = off
          ? undefined
          : controller.on(
              name as never,
              ((payload: unknown) => (latest[prop] as ((value: unknown) => unknown) | undefined)?.(payload)) as never,
            );
        off?.();
      }
    }
  };
  // With no props left, every handler goes.
  return { update, dispose: () => update({}) };
}
