import { useSyncExternalStore } from "react";
import type { DataSessionState } from "@x/session-core/data";
import { useRequiredDataSessionController } from "./useRequiredDataSessionController";

/** Internal: one slice of the nearest `<DataSession>`'s state; re-renders only when that slice changes. */
export function useDataSessionSelector<Selected>(
  hookName: string,
  select: (state: DataSessionState) => Selected,
): Selected {
  const controller = useRequiredDataSessionController(hookName);
  const getSnapshot = () => select(controller.getState());
  // The controller's own subscribe: stable, and it needs no `this`.
  return useSyncExternalStore(controller.subscribe, getSnapshot, getSnapshot);
}
