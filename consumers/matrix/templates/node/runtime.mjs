// The ESM build in plain Node: a session on the fake SDK connects, delivers a typed event and is destroyed cleanly.
import assert from "node:assert/strict";
import { createTalkSession, SessionError } from "@x/session-core";
import { createFakeTalk } from "@x/session-testing";

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
console.log("ESM runtime: ready, one message, destroyed");
