import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2020",
  external: ["react", "talkjs", "@x/session-core"],
  // Next.js App Router: the components and hooks must run on the client.
  banner: { js: '"use client";' },
});
