import { bindEventProps, type EventPropsBinding } from "@x/session-core";

/**
 * Internal: `bindEventProps` for Vue's listeners. Vue merges the listeners of one event (`@message` with
 * `v-on="{ message }"`, a wrapper's with its parent's) into an array; each becomes a handler of its own in the core,
 * so one that throws stops none of the others and its throw is reported through `error`, as any handler's is.
 *
 * @example
 * bindListeners(controller).update({ onMessage: [first, second] });
 */
export function bindListeners(controller: Parameters<typeof bindEventProps>[0]): EventPropsBinding {
  // The nth binding binds the nth listener of every event.
  const bindings: EventPropsBinding[] = [];
  const update = (listeners: object) => {
    const lists = Object.entries(listeners).map(([key, value]: [string, unknown]) => ({
      key,
      list: Array.isArray(value) ? (value as unknown[]) : [value],
    }));
    const count = Math.max(1, ...lists.map(({ list }) => list.length));
    while (bindings.length < count) bindings.push(bindEventProps(controller));
    bindings.forEach((binding, index) => {
      binding.update(Object.fromEntries(lists.map(({ key, list }) => [key, list[index]])));
    });
  };
  return { update, dispose: () => bindings.forEach((binding) => binding.dispose()) };
}
