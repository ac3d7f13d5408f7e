import { svelte } from "@sveltejs/vite-plugin-svelte";
import { demoDevServer } from "@x/example-shared/vite";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/svelte/",
  server: demoDevServer,
  plugins: [svelte()],
  // Top-level await in main.ts: the demo waits for its config before anything loads talkjs.
  build: { target: "es2022" },
});
