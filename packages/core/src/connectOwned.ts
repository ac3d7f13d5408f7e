import type { SessionController } from "./types";

// Owned controllers already watched: one watch each, for the rest of their life.
const watched = new WeakSet<SessionController>();

/**
 * Connects a controller that a component created for itself. Its release lets the keep-alive grace
 * (`keepAliveMs`) run; once the controller goes back to `idle` with nobody connected, it is destroyed, so
 * pending `whenReady()` calls reject. A new `connectOwned` within the grace (a StrictMode remount) keeps it.
 *
 * @example
 * useEffect(() => connectOwned(controller), [controller]); // never for a controller passed in as a prop
 */
export function connectOwned(controller: SessionController): () => void {
  if (!watched.has(controller)) {
    watched.add(controller);
    // The core goes idle only with nothing connected, after its grace (or a retry() then): nothing can use it again.
    controller.subscribe(({ status }) => {
      if (status === "idle") controller.destroy();
    });
  }
  return controller.connect();
}
