import { createContext } from "react";
import type { SessionController } from "@x/session-core";

/** The controller of the nearest `<Session>`; `undefined` outside one. Internal: read it with the hooks. */
export const SessionContext = createContext<SessionController | undefined>(undefined);
