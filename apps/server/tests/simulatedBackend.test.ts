import { describe, expect, it } from "vitest";
import { CHAT_LINES } from "../src/chatLines.js";
import { signTalkToken } from "../src/talkToken.js";
import { startDemoServer, TEST_SECRET, type DemoClient } from "./demoServer.js";

/** Reads `message` events from the SSE stream until `count` arrived. */
async function readMessages(response: Response, count: number): Promise<Array<Record<string, unknown>>> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: Array<Record<string, unknown>> = [];
  let buffer = "";
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const events = buffer.split("\n\n");
    buffer = events.pop() ?? "";
    for (const event of events) {
      const data = /^event: message\ndata: (.*)$/m.exec(event)?.[1];
      if (data !== undefined) messages.push(JSON.parse(data) as Record<string, unknown>);
    }
  }
  await reader.cancel();
  return messages;
}

async function openStream(demo: DemoClient): Promise<Response> {
  const response = await demo.request("/api/fake/events");
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return response;
}

describe("the simulated TalkJS backend", () => {
  it("verifies tokens with the demo secret for the given app and user", async () => {
    const demo = await startDemoServer();
    const { appId } = demo.config;
    const token = await signTalkToken({ appId, userId: "alice" }, TEST_SECRET, 60);
    const verify = async (body: unknown) =>
      (await (await demo.request("/api/fake/verify", { method: "POST", body })).json()) as unknown;
    expect(await verify({ token, appId, userId: "alice" })).toEqual({ valid: true });
    expect(await verify({ token, appId, userId: "bob" })).toEqual({ valid: false });
    expect(await verify({ token, appId: "other-app", userId: "alice" })).toEqual({ valid: false });
    expect(
      await verify({ token: await signTalkToken({ appId, userId: "alice" }, "wrong", 60), appId, userId: "alice" }),
    ).toEqual({ valid: false });
  });

  it("streams a poked message from another demo user to the logged-in user", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    const stream = await openStream(demo);
    const poke = await demo.request("/api/fake/poke", { method: "POST", body: { from: "bob", body: "Ping" } });
    expect(await poke.json()).toEqual({ delivered: 1 });
    const [message] = await readMessages(stream, 1);
    expect(message).toMatchObject({ senderId: "bob", body: "Ping", conversationId: "alice-bob" });
  });

  it("sends small talk on its own from the other demo users", async () => {
    const demo = await startDemoServer({ chatterIntervalMs: 30 });
    await demo.login("carol");
    const messages = await readMessages(await openStream(demo), 2);
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(message.senderId).not.toBe("carol");
  });

  it("never sends the same line twice in a row, nor an opening line again before all were used", async () => {
    const demo = await startDemoServer({ chatterIntervalMs: 4 });
    await demo.login("alice");
    const openers: readonly string[] = CHAT_LINES.openers;
    // Follow-ups come in between at random: read enough to hold a whole round of openers.
    const bodies = (await readMessages(await openStream(demo), openers.length * 3)).map(({ body }) => body as string);
    for (let index = 1; index < bodies.length; index += 1) expect(bodies[index]).not.toBe(bodies[index - 1]);
    const firstRound = bodies.filter((body) => openers.includes(body)).slice(0, openers.length);
    expect(firstRound).toHaveLength(openers.length);
    expect(new Set(firstRound).size).toBe(openers.length);
  });

  it("sends the same messages to every tab of one login", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    const [first, second] = [await openStream(demo), await openStream(demo)];
    const poke = await demo.request("/api/fake/poke", { method: "POST", body: { from: "carol" } });
    expect(await poke.json()).toEqual({ delivered: 2 });
    const [[inFirst], [inSecond]] = await Promise.all([readMessages(first, 1), readMessages(second, 1)]);
    expect(inFirst).toEqual(inSecond);
    expect(inFirst).toMatchObject({ senderId: "carol", conversationId: "alice-carol" });
  });

  it("refuses the stream to a tab that asks for another user than the one logged in", async () => {
    const demo = await startDemoServer();
    await demo.login("bob");
    expect((await demo.request("/api/fake/events?userId=alice")).status).toBe(403);
    const stream = await demo.request("/api/fake/events?userId=bob");
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
  });

  it("answers a reply from the other participant after a short delay", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    const stream = await openStream(demo);
    const send = await demo.request("/api/fake/send", {
      method: "POST",
      body: { conversationId: "alice-carol", body: "Hi Carol" },
    });
    expect(send.status).toBe(202);
    const [answer] = await readMessages(stream, 1);
    expect(answer).toMatchObject({ senderId: "carol", conversationId: "alice-carol" });
  });

  it("refuses replies in conversations the user is not in, and streams without a login", async () => {
    const demo = await startDemoServer();
    expect((await demo.request("/api/fake/events")).status).toBe(401);
    await demo.login("alice");
    expect(
      (await demo.request("/api/fake/send", { method: "POST", body: { conversationId: "bob-carol" } })).status,
    ).toBe(400);
  });

  it("is not there in TalkJS mode", async () => {
    const demo = await startDemoServer({ mode: "talkjs", appId: "real-app" });
    expect((await demo.request("/api/fake/verify", { method: "POST", body: {} })).status).toBe(404);
    expect(await (await demo.request("/sw.js")).text()).toContain("unregister");
  });
});
