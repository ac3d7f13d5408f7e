/** Controllers a component created for itself (`connectOwned`): destroyed, not left idle, once their grace ends. */
export const ownedControllers = new WeakSet();

/**
 * Owned controllers waiting out their grace, each with its app and user and a way to end the grace at once: a
 * session an owned controller starts for the same app and user ends them first, so two are never alive together.
 */
export const lingering = new Map<object, [appAndUser: string, letGo: () => void]>();
