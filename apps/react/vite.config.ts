import react from "@vitejs/plugin-react";
import { demoDevServer } from "@x/example-shared/vite";
import { defineConfig } from "vite";

export default defineConfig(({ command, mode }) => {
  // `vite build --mode development` (NODE_ENV=development comes from .env.development, so React's development build is
  // bundled and <StrictMode> double-invokes effects): served from dist/dev/ under /react/dev/ for the StrictMode e2e test.
  const developmentBuild = command === "build" && mode === "development";
  return {
    base: developmentBuild ? "/react/dev/" : "/react/",
    plugins: [react()],
    server: demoDevServer,
    // Top-level await in main.tsx: the demo waits for its config before anything loads talkjs.
    build: { target: "es2022", outDir: developmentBuild ? "dist/dev" : "dist" },
  };
});
