import type { DataWorldEvent, DataWorldSnapshot } from "@x/example-shared/demoUsers";
import { describe, expect, it } from "vitest";
import { LONG_HISTORY } from "../src/DataWorld.js";
import { startDemoServer, type DemoClient } from "./demoServer.js";

/** Reads `data` events from the SSE stream until one matches `until`; returns every one read. */
async function readDataEvents(
  response: Response,
  until: (event: DataWorldEvent) => boolean,
): Promise<DataWorldEvent[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: DataWorldEvent[] = [];
  let buffer = "";
  while (!events.some(until)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const chunks = buffer.split("\n\n");
    buffer = chunks.pop() ?? "";
    for (const chunk of chunks) {
      const data = /^event: data\ndata: (.*)$/m.exec(chunk)?.[1];
      if (data !== undefined) events.push(JSON.parse(data) as DataWorldEvent);
    }
  }
  await reader.cancel();
  return events;
}

/** Another browser on the same server: its own cookie jar. */
function secondBrowser(baseUrl: string): Pick<DemoClient, "request" | "login"> {
  let cookie = "";
  const request: DemoClient["request"] = async (path, { method = "GET", body } = {}) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    cookie = response.headers.get("set-cookie")?.split(";")[0] ?? cookie;
    return response;
  };
  return { request, login: (userId) => request("/api/login", { method: "POST", body: { userId } }) };
}

const post = (demo: Pick<DemoClient, "request">, path: string, body: unknown) =>
  demo.request(path, { method: "POST", body });

describe("the custom-UI views' simulated data", () => {
  it("starts with a long history between Alice and Bob and unread messages for Alice", async () => {
    const demo = await startDemoServer();
    expect((await demo.request("/api/fake/world")).status).toBe(401);
    await demo.login("alice");
    const world = (await (await demo.request("/api/fake/world")).json()) as DataWorldSnapshot;
    expect(world.conversations.map((conversation) => conversation.id)).toEqual([
      "alice-bob",
      "alice-carol",
      "bob-carol",
    ]);
    const [aliceBob] = world.conversations;
    expect(aliceBob!.messages).toHaveLength(LONG_HISTORY);
    const times = aliceBob!.messages.map((message) => message.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(aliceBob!.unread.alice).toBeGreaterThan(0);
    expect(world.online).toContain("bob");
  });

  it("streams a message sent from one browser to another one logged in as the other participant, and answers it", async () => {
    const alice = await startDemoServer();
    await alice.login("alice");
    const bob = secondBrowser(alice.baseUrl);
    await bob.login("bob");
    const bobStream = await bob.request("/api/fake/events");
    const aliceStream = await alice.request("/api/fake/events"); // the answer comes while Alice's page listens
    const sent = await post(alice, "/api/fake/world/message", {
      id: "m-1",
      conversationId: "alice-bob",
      body: "Hi Bob",
    });
    expect(sent.status).toBe(202);
    const events = await readDataEvents(
      bobStream,
      (event) => event.type === "message" && event.message.senderId === "bob",
    );
    const mine = events.find((event) => event.type === "message" && event.message.id === "m-1");
    expect(mine).toMatchObject({ message: { senderId: "alice", body: "Hi Bob", conversationId: "alice-bob" } });
    // Bob's simulated self types, then answers.
    const typing = events.findIndex((event) => event.type === "typing" && event.userId === "bob" && event.typing);
    const answer = events.findIndex((event) => event.type === "message" && event.message.senderId === "bob");
    expect(typing).toBeGreaterThanOrEqual(0);
    expect(typing).toBeLessThan(answer);
    await aliceStream.body?.cancel();
    const world = (await (await bob.request("/api/fake/world")).json()) as DataWorldSnapshot;
    expect(world.conversations[0]!.messages.filter((message) => message.id === "m-1")).toHaveLength(1);
  });

  it("streams typing and presence set through the test routes, and refuses bad input", async () => {
    const demo = await startDemoServer();
    await demo.login("alice");
    const stream = await demo.request("/api/fake/events");
    expect((await post(demo, "/api/fake/typing", { from: "carol", typing: true })).status).toBe(200);
    expect((await post(demo, "/api/fake/presence", { userId: "carol", online: true })).status).toBe(200);
    const events = await readDataEvents(stream, (event) => event.type === "presence" && event.userId === "carol");
    expect(events).toContainEqual({ type: "typing", conversationId: "alice-carol", userId: "carol", typing: true });
    expect(events).toContainEqual({ type: "presence", userId: "carol", online: true });
    expect((await post(demo, "/api/fake/typing", { from: "alice", typing: true })).status).toBe(400);
    expect((await post(demo, "/api/fake/presence", { userId: "nobody", online: true })).status).toBe(400);
    expect(
      (await post(demo, "/api/fake/world/message", { id: "x", conversationId: "bob-carol", body: "Hi" })).status,
    ).toBe(400);
    expect((await post(demo, "/api/fake/world/read", { conversationId: "alice-bob" })).status).toBe(200);
    const world = (await (await demo.request("/api/fake/world")).json()) as DataWorldSnapshot;
    expect(world.conversations[0]!.unread.alice).toBe(0);
  });
});
