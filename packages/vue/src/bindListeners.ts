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
  // The nth binding binds the nth listener of every event; each binding made before gets its (maybe empty) share.
  const bindings: EventPropsBinding[] = [];
  const update = (given: object) => {
    const listeners = given as Record<string, unknown>;
    let count = bindings.length || 1;
    for (const key in listeners) count = Math.max(count, [listeners[key]].flat().length);
    for (let index = 0; index < count; index++) {
      const nth: Record<string, unknown> = {};
      for (const key in listeners) nth[key] = [listeners[key]].flat()[index];
      (bindings[index] ??= bindEventProps(controller)).update(nth);
    }
  };
  return { update, dispose: () => update({}) };
}
