import { useContext } from "react";
import type { DataSessionController } from "@x/session-core/data";
import { DataSessionContext } from "./DataSessionContext";

/** Internal: the nearest `<DataSession>`'s controller, or the error every data hook throws outside one. */
export function useRequiredDataSessionController(hookName: string): DataSessionController {
  const controller = useContext(DataSessionContext);
  if (controller) return controller;
  throw new Error(
    process.env.NODE_ENV !== "production"
      ? `${hookName}() must be used inside <DataSession>. Wrap this component (or a parent) in <DataSession appId="..." userId="...">.`
      : `${hookName} outside <DataSession>`,
  );
}
