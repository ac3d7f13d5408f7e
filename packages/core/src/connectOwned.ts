import type { SessionController } from "./types";

// The unsubscribe of the watch each owned controller keeps while it is released: it ends once connected again.
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
  return () => {
    // Each release replaces the watch, so a second call of it adds nothing (release() itself is idempotent).
    pendingDestroys.get(controller)?.();
    release();
    // The core goes idle only when its grace ends with no connection left: then nothing can use it again.
    pendingDestroys.set(
      controller,
      controller.subscribe(({ status }) => {
        if (status === "idle") controller.destroy();
      }),
    );
  };
}
