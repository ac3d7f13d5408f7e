import { defineConfig, type Options } from "tsup";

// Two builds from one source: `index.development.*` keeps every explanatory message and warning (the `development`
// export condition: Vite, webpack and Node with --conditions=development pick it), `index.*` is the production build
// (short messages, no warnings). Neither reads `process` at run time, so both load as plain ESM in a browser.
const build = (mode: "development" | "production"): Options => ({
  entry: { [mode === "production" ? "index" : "index.development"]: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: mode === "production",
  sourcemap: true,
  clean: false,
  target: "es2020",
  external: ["talkjs"],
  define: { "process.env.NODE_ENV": JSON.stringify(mode) },
  // Folds the `mode !== "production"` branches away without mangling names, so the output stays readable.
  minifySyntax: true,
});

export default defineConfig([build("production"), build("development")]);
