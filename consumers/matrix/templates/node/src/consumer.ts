// Type-checked under bundler, node16, nodenext and node10 resolution with skipLibCheck: false.
import { createTalkSession, SessionError, type SessionErrorCode, type TalkModule } from "@x/session-core";
import { createFakeCore, createFakeTalk } from "@x/session-testing";
import type { getTalkSession, TalkSession } from "@talkjs/core";

const fake = createFakeTalk();
const talk: TalkModule = fake;
const controller = createTalkSession({ appId: "app", userId: "pete", talk });

controller.on("message", (message) => {
  const body: string = message.body;
  // @ts-expect-error `message` is a Talk.Message: this line only compiles if the handler parameter became `any`.
  const wrong: number = message.body;
  console.log(body, wrong);
});
controller.on("error", (error) => {
  const code: SessionErrorCode = error.code;
  console.log(error instanceof SessionError, code);
});
// @ts-expect-error not an event of Talk.Session
controller.on("notAnEvent", () => undefined);
// @ts-expect-error exactly one of userId and syncUser
createTalkSession({ appId: "app", talk });

const state = controller.getState();
if (state.status === "ready") console.log(state.session?.me.id);
fake.emitMessage({ body: "hello" });

// createFakeCore() is typed by @talkjs/core's own declarations: its getTalkSession fits wherever TalkJS's does.
const core = createFakeCore();
const getSession: typeof getTalkSession = core.getTalkSession;
const dataSession: TalkSession = getSession({ appId: "app", userId: "pete" });
// @ts-expect-error `appId` is a string in @talkjs/core's TalkSessionOptions: this only compiles if the types became `any`.
getSession({ appId: 1, userId: "pete" });
console.log(dataSession.currentUser.id);
