// Server rendering without a DOM: the slot renders in "idle" and nothing connects.
import assert from "node:assert/strict";
import { createSSRApp, h } from "vue";
import { renderToString } from "vue/server-renderer";
import { SessionError, TalkSession } from "@x/session-vue";
import { SessionError as CoreSessionError } from "@x/session-core";
import { createFakeTalk } from "@x/session-testing";

const fake = createFakeTalk();
const app = createSSRApp({
  render: () =>
    h(TalkSession, { appId: "app", userId: "pete", talk: fake }, { default: ({ state }) => h("p", state.status) }),
});
assert.match(await renderToString(app), /idle/);
assert.equal(fake.sessions.length, 0, "server rendering creates no session");
assert.equal(SessionError, CoreSessionError, "SessionError is the core's class");
console.log("Vue server render: idle, no session");
