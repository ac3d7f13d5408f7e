// Render functions and composables outside templates: the props of h(TalkSession, ...) are typed too.
import { effectScope, h } from "vue";
import { TalkSession, createTalkSession, useSessionState } from "@x/session-vue";

export const typed = h(TalkSession, {
  appId: "app",
  userId: "pete",
  onMessage: (message) => {
    const body: string = message.body;
    // @ts-expect-error `message` is a Talk.Message: this line only compiles if the listener parameter became `any`.
    const wrong: number = message.body;
    console.log(body, wrong);
  },
});
// @ts-expect-error appId is a string
export const wrongProp = h(TalkSession, { appId: 42, userId: "pete" });

const talk = createTalkSession({ appId: "app", userId: "pete" });
const scope = effectScope();
export const state = scope.run(() => useSessionState(talk));
export const status: string | undefined = state?.value.status;
