// Bundle budgets, min+gzip (@size-limit/preset-small-lib: esbuild minify + gzip), measured as an app's production build
// sees them (process.env.NODE_ENV = "production", so development-only warnings drop out; esbuild already does this for a
// minified browser build, the define only makes it explicit). Adapters are measured without
// their peers and without @x/session-core, which every adapter shares and which has its own budget.
const peers = ["talkjs", "react", "react-dom", "vue", "svelte", "@x/session-core"];
const production = (config) => ({ ...config, define: { ...config.define, "process.env.NODE_ENV": '"production"' } });

module.exports = [
  {
    // Issue 7 asked for 2.8 kB; measured 5.05 kB (whole entry) and 4.70 kB (createTalkSession). Of the minified bytes: createTalkSession ~35% of the minified bytes, option validation
    // ~19%, token single-flight/retry/JWT expiry ~12%, SDK loading with timeout and script-error detection ~10%, the
    // event fan-out ~9%; error and validation messages alone are ~1.07 kB of the gzip. Every part is required behaviour
    // (see the issue 7 report for the breakdown and the reductions proposed to the core's owner), so the budget is the
    // measured size plus ~3% headroom: it still catches a regression, and is lowered as the core shrinks.
    name: "@x/session-core",
    path: "packages/core/dist/index.js",
    import: "*",
    ignore: ["talkjs"],
    gzip: true,
    modifyEsbuildConfig: production,
    limit: "5.2 kB",
  },
  {
    name: "@x/session-core: import { createTalkSession }",
    path: "packages/core/dist/index.js",
    import: "{ createTalkSession }",
    ignore: ["talkjs"],
    gzip: true,
    modifyEsbuildConfig: production,
    limit: "4.85 kB",
  },
  {
    name: "@x/session-react",
    path: "packages/react/dist/index.js",
    import: "*",
    ignore: peers,
    gzip: true,
    modifyEsbuildConfig: production,
    limit: "0.9 kB",
  },
  {
    // Issue 7 asked for 1.0 kB; measured 1.22 kB, now 1.10 kB: the props are derived from the core's
    // sessionOptionNames (only the boolean-cast ones keep a runtime type; validateSessionOptions already names any other
    // bad prop), emits is a plain list, and inject()'s dev-only context check drops out. 1.0 kB is not reachable without
    // losing behaviour: ~0.25 kB are the import/export statements naming Vue and core APIs, ~0.15 kB the listener bridge
    // (a new inline @event handler without resubscribing, merged handler arrays, kebab keys), ~0.1 kB the refs; even
    // without `emits` (a listener-only change would re-render the slot), `name` and controller's type check, ~1.02 kB.
    // Measured + ~30 B headroom.
    name: "@x/session-vue",
    path: "packages/vue/dist/index.js",
    import: "*",
    ignore: peers,
    gzip: true,
    modifyEsbuildConfig: production,
    limit: "1.13 kB",
  },
  {
    name: "@x/session-svelte/store",
    path: "packages/svelte/dist/store.js",
    import: "*",
    ignore: peers,
    gzip: true,
    modifyEsbuildConfig: production,
    limit: "0.4 kB",
  },
];
