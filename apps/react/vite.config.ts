import react from "@vitejs/plugin-react";
import { demoDevServer } from "@x/example-shared/vite";
import { defineConfig } from "vite";

export default defineConfig({
  base: "/react/",
  plugins: [react()],
  server: demoDevServer,
  // Top-level await in main.tsx: the demo waits for its config before anything loads talkjs.
  build: { target: "es2022" },
});
