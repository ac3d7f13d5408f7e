// Server rendering (Svelte's server build of the app): the children render in "idle" and nothing connects.
import assert from "node:assert/strict";
import { createFakeTalk } from "@x/session-testing";
import { renderApp } from "./dist-ssr/renderForTest.js";

const fake = createFakeTalk();
assert.match(renderApp(fake), /idle/);
assert.equal(fake.sessions.length, 0, "server rendering creates no session");
console.log("Svelte server render: idle, no session");
