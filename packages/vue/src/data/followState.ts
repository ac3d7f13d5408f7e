import { getCurrentInstance, onMounted, shallowRef, watch, type ShallowRef } from "vue";

/** Anything with the core's state contract: a data controller or a live query. */
export interface StateSource<State> {
  getState(): State;
  subscribe(listener: () => void): () => void;
}

/**
 * Internal: a shallow ref of the state of whichever source `source()` gives now, switching when it gives another
 * (`undefined`: `idle`, with no subscription). Inside a component it subscribes on mount, so server rendering never
 * subscribes; the subscription ends with the current scope.
 *
 * @example
 * const state = followState(() => (id.value ? controller.conversation(id.value) : undefined), idleState);
 */
export function followState<State>(source: () => StateSource<State> | undefined, idle: State): ShallowRef<State> {
  const state = shallowRef(source()?.getState() ?? idle);
  const start = () =>
    watch(
      source,
      (current, _, onCleanup) => {
        // Subscribed first, so a change the first subscription makes (idle to loading) is not missed.
        if (current) onCleanup(current.subscribe(() => (state.value = current.getState())));
        state.value = current?.getState() ?? idle;
      },
      { immediate: true },
    );
  // Made in onMounted, the watcher still stops with the component.
  if (getCurrentInstance()) onMounted(start);
  else start();
  return state;
}
