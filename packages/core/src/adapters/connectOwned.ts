import { ownedControllers } from "../machine/ownedControllers";
import type { SessionController } from "../classic/types";

/**
 * Connects a controller that a component created for itself. Its release lets the keep-alive grace
 * (`keepAliveMs`) run; once it ends with nobody connected, the controller is destroyed (pending `whenReady()` calls
 * reject), whatever order the releases came in. A new `connectOwned` within the grace (a StrictMode remount) keeps
 * it. While it waits out its grace, another owned controller starting a session for the same app and user ends it
 * at once: two components' sessions for one user are never alive together (a page change).
 *
 * @example
 * useEffect(() => connectOwned(controller), [controller]); // never for a controller passed in as a prop
 */
export function connectOwned(controller: Pick<SessionController, "connect">): () => void {
  ownedControllers.add(controller);
  return controller.connect();
}
