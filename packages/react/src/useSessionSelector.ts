import { useContext, useSyncExternalStore } from "react";
import type { SessionState } from "@x/session-core";
import { SessionContext } from "./SessionContext";
import { requireSessionController } from "./requireSessionController";

/** Internal: one slice of the nearest `<Session>`'s state; re-renders only when that slice changes. */
export function useSessionSelector<Selected>(hookName: string, select: (state: SessionState) => Selected): Selected {
  const controller = requireSessionController(useContext(SessionContext), hookName);
  const getSnapshot = () => select(controller.getState());
  return useSyncExternalStore(controller.subscribe, getSnapshot, getSnapshot);
}
