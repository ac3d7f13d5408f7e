// Plain JavaScript: Vite loads its config (and what it imports from packages) with Node, which cannot run TypeScript.
const DEMO_SERVER = "http://127.0.0.1:5173";

/**
 * Vite dev-server settings for an example app: `vite` serves the app with hot reload on port 5174 and forwards the
 * demo server's routes to a running `pnpm demo` (or `pnpm --filter @x/example-server start`).
 * @example
 * export default defineConfig({ base: "/react/", server: demoDevServer, plugins: [react()] });
 */
export const demoDevServer = {
  host: "127.0.0.1",
  port: 5174,
  proxy: {
    "/api": DEMO_SERVER,
    "/fake": DEMO_SERVER,
    "/sw.js": DEMO_SERVER,
  },
};
