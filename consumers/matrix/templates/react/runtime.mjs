// The built package at runtime: server rendering without a DOM, then a StrictMode mount in happy-dom on the fake SDK.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { GlobalRegistrator } from "@happy-dom/global-registrator";
import { StrictMode, createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { Session, SessionError, useSessionState } from "@x/session-react";
import { SessionError as CoreSessionError } from "@x/session-core";
import { createFakeTalk } from "@x/session-testing";

const until = async (condition, what) => {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 2000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
const Status = () => h("p", null, useSessionState().status);

const fake = createFakeTalk();
const html = renderToString(h(Session, { appId: "app", userId: "pete", talk: fake }, h(Status)));
assert.match(html, /idle/);
assert.equal(fake.sessions.length, 0, "server rendering creates no session");
assert.equal(SessionError, CoreSessionError, "SessionError is the core's class");
assert.equal(typeof createRequire(import.meta.url)("@x/session-react").Session, "function", "the CommonJS build loads");

GlobalRegistrator.register();
const { createRoot } = await import("react-dom/client");
const container = document.createElement("div");
const root = createRoot(container);
const bodies = [];
const props = { appId: "app", userId: "pete", talk: fake, onMessage: (message) => bodies.push(message.body) };
root.render(h(StrictMode, null, h(Session, props, h(Status))));
await until(() => container.textContent === "ready", "ready");
fake.emitMessage({ body: "hello" });
assert.deepEqual(bodies, ["hello"]);
assert.equal(fake.peakLiveSessions(), 1, "StrictMode: one live session at a time");
root.unmount();
await until(() => fake.liveSessions().length === 0, "the session to be destroyed");
await GlobalRegistrator.unregister();
console.log("React runtime: server render idle, StrictMode mount ready, one message, destroyed on unmount");
