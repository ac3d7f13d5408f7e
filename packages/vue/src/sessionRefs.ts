import type { SessionController, SessionState } from "@x/session-core";
import type Talk from "talkjs";
import { computed, getCurrentInstance, onMounted, onScopeDispose, shallowRef, type ShallowRef } from "vue";

/** Read-only refs that follow one controller: the whole state, and its session and unreads alone. */
export interface SessionRefs {
  readonly state: Readonly<ShallowRef<SessionState>>;
  readonly session: Readonly<ShallowRef<Talk.Session | undefined>>;
  readonly unreads: Readonly<ShallowRef<SessionState["unreads"]>>;
}

/**
 * Keeps shallow refs in step with `controller.subscribe` until the current scope is disposed.
 * Inside a component it subscribes on mount, so server rendering never leaves a listener behind.
 *
 * @example
 * const { state, session } = createSessionRefs(controller);
 */
export function createSessionRefs(controller: SessionController): SessionRefs {
  const state = shallowRef(controller.getState());
  const sync = () => (state.value = controller.getState());
  let unsubscribe: (() => void) | undefined;
  const start = () => {
    sync();
    unsubscribe = controller.subscribe(sync);
  };
  onScopeDispose(() => unsubscribe?.());
  if (getCurrentInstance()) onMounted(start);
  else start();
  // Computed refs are read-only and trigger only when their own value changes.
  return {
    state: computed(() => state.value),
    session: computed(() => state.value.session),
    unreads: computed(() => state.value.unreads),
  };
}
