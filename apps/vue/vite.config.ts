import { demoDevServer } from "@x/example-shared/vite";
import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/vue/",
  plugins: [vue()],
  server: demoDevServer,
  // Top-level await in main.ts: the demo waits for its config before anything loads talkjs.
  build: { target: "es2022" },
});
