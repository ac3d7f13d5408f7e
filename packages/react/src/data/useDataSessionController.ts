import type { DataSessionController } from "@x/session-core/data";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";

/**
 * The controller behind the nearest `<DataSession>`, for `retry()`, `whenReady()` or a query of your own.
 *
 * @example
 * const { status } = useDataSessionState();
 * const controller = useDataSessionController();
 * if (status === "error") return <button onClick={() => controller.retry()}>Reconnect chat</button>;
 * @throws Error when used outside a `<DataSession>`.
 */
export function useDataSessionController(): DataSessionController {
  return useRequiredDataSessionController("useDataSessionController");
}
