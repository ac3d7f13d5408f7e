import { defineConfig } from "@playwright/test";

// A port of its own, so the tests never talk to a `pnpm demo` that is running on 5173.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 5199);

export default defineConfig({
  testDir: "tests",
  // Two shared cores: one browser at a time is faster than two fighting.
  workers: 1,
  timeout: 45_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    // The tests route the CDN themselves; a service worker would answer before page.route sees the request.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "node ../server/dist/main.js",
    url: `http://127.0.0.1:${E2E_PORT}/api/config`,
    reuseExistingServer: false,
    env: {
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      TALKJS_APP_ID: "", // always the offline mode, whatever the shell has
      DEMO_TOKEN_TTL_SECONDS: "15", // the fake refreshes 10 s before exp, so a refresh comes about 5 s after login
      DEMO_MESSAGE_INTERVAL_MS: "0", // messages only when a test pokes, so counts are exact
      DEMO_REPLY_DELAY_MS: "300",
    },
  },
});
