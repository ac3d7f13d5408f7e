import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));

const started: ChildProcess[] = [];

afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Runs the built server (`pnpm demo` runs exactly this) on a free port; resolves once it prints its URL. */
async function startBuiltServer() {
  expect(existsSync(MAIN), "run `pnpm --filter @x/example-server build` first (turbo does it before test)").toBe(true);
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", TALKJS_APP_ID: "", DEMO_MESSAGE_INTERVAL_MS: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout)?.[0];
      if (url !== undefined) resolve(url);
    });
    void exited.then(() => reject(new Error(`The server exited before it listened: ${stderr}`)));
  });
  return { child, baseUrl, exited, output: () => ({ stdout, stderr }) };
}

/** Logs in and opens the simulated backend's event stream, the connection a browser tab keeps open. */
async function openEventStream(baseUrl: string): Promise<Response> {
  const login = await fetch(`${baseUrl}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ userId: "alice" }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const events = await fetch(`${baseUrl}/api/fake/events`, { headers: { cookie } });
  expect(events.status).toBe(200);
  return events;
}

describe("stopping the server", () => {
  it("exits with code 0 and prints no error on SIGINT (Ctrl-C), with a browser's event stream still open", async () => {
    const server = await startBuiltServer();
    const events = await openEventStream(server.baseUrl);
    server.child.kill("SIGINT");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output().stderr).toBe("");
    await events.body?.cancel().catch(() => undefined);
  });

  it("exits with code 0 on SIGTERM", async () => {
    const server = await startBuiltServer();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
