import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    // Both builds run in parallel; keep the browser build's file when cleaning.
    clean: ["!talk.browser.js", "!core.browser.js"],
    target: "es2022",
    external: ["talkjs"],
  },
  {
    entry: { "talk.browser": "src/browser.ts" },
    format: ["iife"],
    platform: "browser",
    minify: true,
    sourcemap: false,
    clean: false,
    target: "es2020",
    outExtension: () => ({ js: ".js" }),
  },
  {
    // The @talkjs/core fake for offline demos: sets globalThis.TalkCoreFake (its imports of @talkjs/core are types only).
    entry: { "core.browser": "src/data/browser.ts" },
    format: ["iife"],
    platform: "browser",
    minify: true,
    sourcemap: false,
    clean: false,
    target: "es2020",
    outExtension: () => ({ js: ".js" }),
  },
]);
