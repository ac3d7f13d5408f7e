// A mount in happy-dom on the fake SDK: ready, a message reaches the listener, unmount destroys the session.
import assert from "node:assert/strict";
import { GlobalRegistrator } from "@happy-dom/global-registrator";

GlobalRegistrator.register();
// Vue's DOM renderer reads `document` when it loads: import it after the globals exist.
const { createApp, h } = await import("vue");
const { TalkSession } = await import("@x/session-vue");
const { createFakeTalk } = await import("@x/session-testing");

const until = async (condition, what) => {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 2000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const fake = createFakeTalk();
const bodies = [];
const container = document.createElement("div");
const app = createApp({
  render: () =>
    h(
      TalkSession,
      { appId: "app", userId: "pete", talk: fake, onMessage: (message) => bodies.push(message.body) },
      { default: ({ state }) => h("p", state.status) },
    ),
});
app.mount(container);
await until(() => container.textContent === "ready", "ready");
fake.emitMessage({ body: "hello" });
assert.deepEqual(bodies, ["hello"]);
app.unmount();
await until(() => fake.liveSessions().length === 0, "the session to be destroyed");
await GlobalRegistrator.unregister();
console.log("Vue client: ready, one message, destroyed on unmount");
