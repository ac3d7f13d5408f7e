import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { readServerConfig, type ServerConfig } from "../src/config.js";
import { createDemoServer } from "../src/createDemoServer.js";

export const TEST_SECRET = "server-test-secret";

const running: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
});

/** A client that keeps the session cookie between calls, as a browser does. */
export interface DemoClient {
  readonly baseUrl: string;
  request(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  login(userId: string): Promise<Response>;
}

/** Starts a demo server on a free port (stopped after each test), with chatter off unless asked. */
export async function startDemoServer(
  overrides: Partial<ServerConfig> = {},
): Promise<DemoClient & { config: ServerConfig }> {
  const config: ServerConfig = {
    ...readServerConfig({ DEMO_SECRET: TEST_SECRET, DEMO_MESSAGE_INTERVAL_MS: "0", DEMO_REPLY_DELAY_MS: "10" }),
    appsDir: mkdtempSync(join(tmpdir(), "demo-apps-")),
    ...overrides,
  };
  const server = createDemoServer(config);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  running.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let cookie = "";
  const client: DemoClient = {
    baseUrl,
    async request(path, { method = "GET", body } = {}) {
      const response = await fetch(baseUrl + path, {
        method,
        redirect: "manual",
        headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const setCookie = response.headers.get("set-cookie");
      if (setCookie !== null) cookie = setCookie.split(";")[0] ?? "";
      return response;
    },
    login: (userId) => client.request("/api/login", { method: "POST", body: { userId } }),
  };
  return { ...client, config };
}
