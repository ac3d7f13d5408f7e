// An esbuild plugin that compiles Svelte components (`.svelte`) and rune modules (`.svelte.js`) as an app's production
// build does (client code, not dev), so the bundle budgets (.size-limit.cjs) and `pnpm bench` can measure them.
const { readFileSync } = require("node:fs");

module.exports = {
  name: "svelte",
  setup(build) {
    const { compile, compileModule } = require("svelte/compiler");
    const options = (path) => ({ filename: path, generate: "client", dev: false });
    build.onLoad({ filter: /\.svelte$/ }, ({ path }) => ({
      contents: compile(readFileSync(path, "utf8"), options(path)).js.code,
    }));
    build.onLoad({ filter: /\.svelte\.js$/ }, ({ path }) => ({
      contents: compileModule(readFileSync(path, "utf8"), options(path)).js.code,
    }));
  },
};
