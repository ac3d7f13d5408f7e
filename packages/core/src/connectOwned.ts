import type { SessionController } from "./types";

// The pending destruction of each owned controller released and not yet connected again.
const pendingDestroys = new WeakMap<SessionController, () => void>();

/**
 * Connects a controller that a component created for itself. Its release lets the keep-alive grace
 * (`keepAliveMs`) run; once the controller goes back to `idle` with nobody connected, it is destroyed, so
 * pending `whenReady()` calls reject. A new `connectOwned` within the grace (a StrictMode remount) keeps it.
 *
 * @example
 * useEffect(() => connectOwned(controller), [controller]); // never for a controller passed in as a prop
 */
export function connectOwned(controller: SessionController): () => void {
  pendingDestroys.get(controller)?.();
  const release = controller.connect();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    release();
    // The core goes idle only when its grace ends with no connection left: then nothing can use it again.
    const cancel = () => {
      unsubscribe();
      pendingDestroys.delete(controller);
    };
    const unsubscribe = controller.subscribe(({ status }) => {
      if (status === "idle" || status === "destroyed") cancel();
      if (status === "idle") controller.destroy();
    });
    pendingDestroys.set(controller, cancel);
  };
}
