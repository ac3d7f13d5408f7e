// The app's browser bundle mounted in happy-dom on the fake SDK: ready, a message reaches the callback prop, unmount
// destroys the session.
import assert from "node:assert/strict";
import { GlobalRegistrator } from "@happy-dom/global-registrator";
import { createFakeTalk } from "@x/session-testing";

GlobalRegistrator.register();
const { mountApp } = await import("./dist-test/mountForTest.js");
const until = async (condition, what) => {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 2000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const fake = createFakeTalk();
const bodies = [];
const container = document.createElement("div");
document.body.append(container);
const unmount = mountApp(container, fake, (body) => bodies.push(body));
await until(() => container.querySelector("p")?.textContent === "ready", "ready");
fake.emitMessage({ body: "hello" });
assert.deepEqual(bodies, ["hello"]);
unmount();
await until(() => fake.liveSessions().length === 0, "the session to be destroyed");
await GlobalRegistrator.unregister();
console.log("Svelte client: ready, one message, destroyed on unmount");
