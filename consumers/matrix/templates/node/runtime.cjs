// The CommonJS build in plain Node: a session on the fake SDK connects, delivers a typed event and is destroyed cleanly.
const assert = require("node:assert/strict");
const { createTalkSession, SessionError } = require("@x/session-core");
const { createFakeTalk } = require("@x/session-testing");

(async () => {
  const fake = createFakeTalk();
  const controller = createTalkSession({ appId: "app", userId: "pete", talk: fake });
  const bodies = [];
  controller.on("message", (message) => bodies.push(message.body));
  const release = controller.connect();
  const session = await controller.whenReady();
  assert.equal(session.me.id, "pete");
  fake.emitMessage({ body: "hello" });
  assert.deepEqual(bodies, ["hello"]);
  release();
  controller.destroy();
  assert.equal(controller.getState().status, "destroyed");
  assert.equal(fake.liveSessions().length, 0);
  assert.equal(typeof SessionError, "function");
  console.log("CommonJS runtime: ready, one message, destroyed");
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
