import type { SessionController, SessionState } from "@x/session-core";
import type Talk from "talkjs";
import { getCurrentInstance, onMounted, onScopeDispose, shallowReadonly, shallowRef, type ShallowRef } from "vue";

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
  const session = shallowRef<Talk.Session>();
  const unreads = shallowRef<SessionState["unreads"]>();
  // shallowRef skips equal values, so `session` and `unreads` only trigger when they themselves change.
  const sync = () => {
    const next = (state.value = controller.getState());
    session.value = next.session;
    unreads.value = next.unreads;
  };
  let unsubscribe: (() => void) | undefined;
  const start = () => {
    sync();
    unsubscribe = controller.subscribe(sync);
  };
  sync();
  onScopeDispose(() => unsubscribe?.());
  if (getCurrentInstance()) onMounted(start);
  else start();
  return { state: shallowReadonly(state), session: shallowReadonly(session), unreads: shallowReadonly(unreads) };
}
