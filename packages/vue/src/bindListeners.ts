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
    // Until the longest array is done and every binding made before has its (maybe empty) share.
    for (let index = 0, more = true; more || index < bindings.length; index++) {
      const nth: Record<string, unknown> = {};
      more = false;
      for (const key in listeners) {
        const value = (listeners as Record<string, unknown>)[key];
        const list = Array.isArray(value) ? value : [value];
        nth[key] = list[index];
        more ||= list.length > index + 1;
      }
      (bindings[index] ??= bindEventProps(controller)).update(nth);
    }
  };
  return { update, dispose: () => update({}) };
}
