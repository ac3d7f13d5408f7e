import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { stopOnSignals } from "../src/stopOnSignals.js";

function fakeProcess() {
  const emitter = new EventEmitter();
  const exited = new Promise<number>((resolve) => {
    Object.assign(emitter, { exit: vi.fn((code: number) => resolve(code)) });
  });
  return { target: emitter as EventEmitter & { exit: (code: number) => void }, exited };
}

describe("stopOnSignals", () => {
  it("closes the server and exits with 0 once, however many signals arrive, and keeps listening for more", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { target, exited } = fakeProcess();
    stopOnSignals(server, target);
    target.emit("SIGINT");
    // A listener must still be there: with none, Node would die of the second SIGINT pnpm forwards.
    expect(target.listenerCount("SIGINT")).toBe(1);
    target.emit("SIGINT");
    target.emit("SIGTERM");
    expect(await exited).toBe(0);
    expect(server.listening).toBe(false);
    expect(target.exit).toHaveBeenCalledTimes(1);
  });
});
