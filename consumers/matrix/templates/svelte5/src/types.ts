// The component's props and the store are typed from the published declarations; `any` would make these lines fail.
import type { ComponentProps } from "svelte";
import { SessionError, TalkSession, createSessionStore, createTalkSession } from "@x/session-svelte";
import { createSessionStore as createStoreForSvelte4 } from "@x/session-svelte/store";

export const props: ComponentProps<typeof TalkSession> = {
  appId: "app",
  userId: "pete",
  onMessage: (message) => {
    const body: string = message.body;
    // @ts-expect-error `message` is a Talk.Message: this line only compiles if the callback parameter became `any`.
    const wrong: number = message.body;
    console.log(body, wrong);
  },
};
// @ts-expect-error appId is a string
export const wrongProp: ComponentProps<typeof TalkSession> = { appId: 42, userId: "pete" };

const store = createSessionStore({ appId: "app", userId: "pete" });
store.on("error", (error) => console.log(error instanceof SessionError, error.code));
// @ts-expect-error not an event of Talk.Session
store.on("notAnEvent", () => undefined);
export const fromController = createStoreForSvelte4({
  controller: createTalkSession({ appId: "app", userId: "pete" }),
});
