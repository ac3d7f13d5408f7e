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
  /** Takes the latest props; subscribes to names that appeared and drops names that are gone. */
  update(props: object): void;
  /** Removes every handler this binding added. */
  dispose(): void;
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
  return {
    update(next) {
      const props = next as Readonly<Record<string, unknown>>;
      latest = props;
      for (const [prop, off] of bound) {
        if (typeof props[prop] !== "function") {
          off();
          bound.delete(prop);
        }
      }
      for (const prop of Object.keys(props)) {
        const name = eventNameOfProp(prop);
        if (!name || bound.has(prop) || typeof props[prop] !== "function") continue;
        const forward = (payload: unknown) => (latest[prop] as ((value: unknown) => unknown) | undefined)?.(payload);
        bound.set(prop, controller.on(name as never, forward as never));
      }
    },
    dispose() {
      for (const off of bound.values()) off();
      bound.clear();
    },
  };
}
