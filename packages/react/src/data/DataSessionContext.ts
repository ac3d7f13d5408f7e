import { createContext } from "react";
import type { DataSessionController } from "@x/session-core/data";

/** The controller of the nearest `<DataSession>`; `undefined` outside one. Internal: read it with the hooks. */
export const DataSessionContext = createContext<DataSessionController | undefined>(undefined);
