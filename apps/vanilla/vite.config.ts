import { demoDevServer } from "@x/example-shared/vite";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/vanilla/",
  server: demoDevServer,
  // Top-level await in main.ts: the demo waits for its config before anything loads talkjs.
  build: { target: "es2022" },
});
