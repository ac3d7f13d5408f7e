/** What a store wraps: the classic session controller or the data one. */
interface StoreSource<State> {
  getState(): State;
  subscribe(listener: (state: State) => void): () => void;
  connect(): () => void;
}

/** The Svelte store contract over a controller, and the controller itself. */
export interface ControllerStore<State, Controller> {
  /** The store contract: calls `run` now and after every change; the first subscriber connects. */
  subscribe(run: (state: State) => void, invalidate?: () => void): () => void;
  /** The controller behind the store, for code shared with other frameworks. */
  readonly controller: Controller;
}

/**
 * Internal: a readable store of `controller`'s state that carries its `methods`, for `createSessionStore` and
 * `createDataSessionStore`. The first subscriber connects; the last unsubscribe releases. On a server it never connects.
 *
 * @example
 * const store = controllerStore(controller, ["on", "setOptions", "whenReady", "retry", "destroy"] as const);
 */
export function controllerStore<State, Controller extends StoreSource<State>, Method extends keyof Controller>(
  controller: Controller,
  methods: readonly Method[],
): ControllerStore<State, Controller> & Pick<Controller, Method> {
  const store: Record<PropertyKey, unknown> = {
    subscribe(run: (state: State) => void) {
      // connect() is ref-counted, so one use per subscriber is "first connects, last releases".
      const release = typeof window === "undefined" ? undefined : controller.connect();
      run(controller.getState());
      // Every change in order, each with the state it made (the controller's mailbox queues changes made meanwhile).
      const unsubscribe = controller.subscribe(run);
      return () => {
        unsubscribe();
        release?.();
      };
    },
  };
  // Bound: a controller's members may be declared as methods, so the store never hands one out unbound.
  for (const name of methods) store[name] = (controller[name] as (...args: unknown[]) => unknown).bind(controller);
  store.controller = controller;
  return store as ControllerStore<State, Controller> & Pick<Controller, Method>;
}
