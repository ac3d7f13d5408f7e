import { performance } from "node:perf_hooks";
import type Talk from "talkjs";
import { createTalkSession } from "@x/session-core";
import { createFakeTalk, fakeMessage } from "@x/session-testing";

/** Nanoseconds per event through the controller's fan-out and through a plain loop over the same handlers. */
export async function fanOut(handlerCount: number, events = 200_000): Promise<{ oursNs: number; plainLoopNs: number }> {
  const fake = createFakeTalk();
  // Capture the one callback the core registers with the SDK: that is what TalkJS calls per event.
  const captured: { sdkCallback?: (message: Talk.Message) => unknown } = {};
  const Session = class extends fake.Session {
    override onMessage(handler: (message: Talk.Message) => void) {
      captured.sdkCallback = handler;
      return super.onMessage(handler);
    }
  };
  const controller = createTalkSession({
    appId: "bench-app",
    userId: "pete",
    talk: {
      get ready() {
        return fake.ready;
      },
      Session,
      User: fake.User,
    },
  });
  let sink = 0;
  const handlers = Array.from(
    { length: handlerCount },
    (_, index) => (message: Talk.Message) => void (sink += message.body.length + index),
  );
  for (const handler of handlers) controller.on("message", handler);
  controller.connect();
  await controller.whenReady();
  const message = fakeMessage({ body: "hello" });
  const deliver = captured.sdkCallback;
  if (deliver === undefined) throw new Error("The controller never subscribed to the SDK's onMessage.");

  const time = (run: () => void) => {
    for (let warmUp = 0; warmUp < events / 10; warmUp++) run();
    const start = performance.now();
    for (let event = 0; event < events; event++) run();
    return ((performance.now() - start) * 1e6) / events;
  };
  const plainLoop = () => {
    for (const handler of handlers) handler(message);
  };
  // Alternate and keep the best of three, so a noisy neighbour on the machine hurts both sides alike.
  let oursNs = Infinity;
  let plainLoopNs = Infinity;
  for (let round = 0; round < 3; round++) {
    oursNs = Math.min(
      oursNs,
      time(() => deliver(message)),
    );
    plainLoopNs = Math.min(plainLoopNs, time(plainLoop));
  }
  controller.destroy();
  if (sink < 0) console.log(sink);
  return { oursNs, plainLoopNs };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Milliseconds from connect() to ready with SDK load and token endpoint latencies, and the same two steps in series. */
export async function timeToReady(
  sdkLatencyMs: number,
  tokenLatencyMs: number,
): Promise<{ oursMs: number; seriesMs: number }> {
  const tokenFetcher = async () => {
    await wait(tokenLatencyMs);
    return "opaque-token";
  };

  const fake = createFakeTalk({ readyDelayMs: sdkLatencyMs });
  const controller = createTalkSession({ appId: "bench-app", userId: "pete", tokenFetcher, talk: fake });
  let start = performance.now();
  controller.connect();
  await controller.whenReady();
  const oursMs = performance.now() - start;
  controller.destroy();

  const seriesFake = createFakeTalk({ readyDelayMs: sdkLatencyMs });
  start = performance.now();
  await seriesFake.ready;
  const token = await tokenFetcher();
  new seriesFake.Session({ appId: "bench-app", userId: "pete", token, tokenFetcher }).destroy();
  const seriesMs = performance.now() - start;
  return { oursMs, seriesMs };
}
