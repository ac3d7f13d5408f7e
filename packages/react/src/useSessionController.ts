import { useContext } from "react";
import type { SessionController } from "@x/session-core";
import { SessionContext } from "./SessionContext";
import { requireSessionController } from "./requireSessionController";

/**
 * The controller behind the nearest `<Session>`, for `retry()`, `whenReady()` or `on()`.
 *
 * @example
 * const { error } = useSessionState();
 * const controller = useSessionController();
 * if (error) return <button onClick={controller.retry}>Reconnect chat</button>;
 * @throws Error when used outside a `<Session>`.
 */
export function useSessionController(): SessionController {
  return requireSessionController(useContext(SessionContext), "useSessionController");
}
