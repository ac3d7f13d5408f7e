import type { SessionError } from "./SessionError";
import type { SessionController } from "../classic/types";

/**
 * Internal: how code built on a controller (the UI boxes) reports a non-fatal `SessionError` through that
 * controller's `error` event and trace. Filled in by `createTalkSession`; not part of the public API.
 */
export const errorReporters = new WeakMap<SessionController, (error: SessionError) => void>();
