import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/main.ts", "src/index.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  clean: true,
  // The shared demo users are TypeScript source; bundle them so plain `node dist/main.js` runs on Node 20.
  noExternal: ["@x/example-shared"],
});
