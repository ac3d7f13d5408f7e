// The store is typed from the published declarations; `any` would make these lines fail.
import { derived, get, type Readable } from "svelte/store";
import {
  SessionError,
  createSessionStore,
  createTalkSession,
  type SessionState,
  type SessionStore,
} from "@x/session-svelte/store";

export const store: SessionStore = createSessionStore({ appId: "app", userId: "pete" });
export const readable: Readable<SessionState> = store;
export const unreadCount: Readable<number> = derived(store, ($session) => $session.unreads?.length ?? 0);
export const status: SessionState["status"] = get(store).status;
store.on("message", (message) => {
  const body: string = message.body;
  // @ts-expect-error `message` is a Talk.Message: this line only compiles if the handler parameter became `any`.
  const wrong: number = message.body;
  console.log(body, wrong);
});
store.on("error", (error) => console.log(error instanceof SessionError, error.code));
// @ts-expect-error not an event of Talk.Session
store.on("notAnEvent", () => undefined);
// @ts-expect-error exactly one of userId and syncUser
createSessionStore({ appId: "app" });
export const wrapped = createSessionStore({ controller: createTalkSession({ appId: "app", userId: "pete" }) });
