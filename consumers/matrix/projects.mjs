// The consumer projects: which published packages each one installs (from the packed tarballs), which registry
// versions of the framework and tools, and the checks it runs, in order. `template` is the folder under templates/.
const typescript = "~5.9.3";
const talkjs = "^0.46.0";
const talkjsCore = "^1.12.0";
const vite = "~8.3.8";
const happyDom = { "happy-dom": "^21.0.3", "@happy-dom/global-registrator": "^21.0.3" };
const tsc = (mode) => [`types (${mode})`, "tsc", "-p", `tsconfig.${mode}.json`];
const react = (version, name) => ({
  name,
  covers: `React ${version}: bundler, node16, node10; Vite build; server render and StrictMode mount`,
  template: "react",
  packages: ["@x/session-react", "@x/session-testing"],
  dependencies: {
    react: `^${version}`,
    "react-dom": `^${version}`,
    "@types/react": `^${version}`,
    "@types/react-dom": `^${version}`,
    talkjs,
    typescript,
    vite,
    ...happyDom,
  },
  steps: [
    tsc("bundler"),
    tsc("node16"),
    tsc("node10"),
    ["vite build", "vite", "build"],
    ["runtime", "node", "runtime.mjs"],
  ],
});

const vueTsc = (mode) => [`types (${mode})`, "vue-tsc", "-p", `tsconfig.${mode}.json`];
const vue = (version, name, label) => ({
  name,
  covers: `Vue ${label} (${version}): vue-tsc under bundler, node16, node10; Vite build; server render and mount`,
  template: "vue",
  packages: ["@x/session-vue", "@x/session-testing"],
  dependencies: {
    vue: version,
    "vue-tsc": "^3.3.14",
    "@vitejs/plugin-vue": "^6.0.11",
    talkjs,
    typescript,
    vite,
    ...happyDom,
  },
  steps: [
    vueTsc("bundler"),
    vueTsc("node16"),
    vueTsc("node10"),
    ["vite build", "vite", "build"],
    ["runtime (server)", "node", "runtime-server.mjs"],
    ["runtime (client)", "node", "runtime-client.mjs"],
  ],
});

const svelteCheck = (mode) => [
  `types (${mode})`,
  "svelte-check",
  "--tsconfig",
  `./tsconfig.${mode}.json`,
  "--fail-on-warnings",
];
const svelteRuntime = [
  ["vite build", "vite", "build"],
  ["server build", "vite", "build", "--ssr", "src/renderForTest.ts", "--outDir", "dist-ssr"],
  ["test build", "vite", "build", "--config", "vite.test.config.mjs"],
  ["runtime (server)", "node", "runtime-server.mjs"],
  ["runtime (client)", "node", "runtime-client.mjs"],
];

export const projects = [
  react(18, "react-18"),
  react(19, "react-19"),
  vue("3.4.20", "vue-oldest", "oldest supported"),
  vue("^3.5.0", "vue-newest", "newest"),
  {
    name: "svelte-5",
    covers:
      "Svelte 5: <TalkSession> and the store, svelte-check under bundler and node16; Vite build; server render and mount",
    template: "svelte5",
    packages: ["@x/session-svelte", "@x/session-testing"],
    dependencies: {
      svelte: "^5.40.0",
      "svelte-check": "^4.3.0",
      "@sveltejs/vite-plugin-svelte": "^7.3.1",
      talkjs,
      typescript,
      vite,
      ...happyDom,
    },
    steps: [svelteCheck("bundler"), svelteCheck("node16"), ...svelteRuntime],
  },
  {
    name: "svelte-4",
    covers:
      "Svelte 4: the store entry in a Svelte 4 component, svelte-check under bundler, node16, node10; Vite 5 build; server render and mount",
    template: "svelte4",
    packages: ["@x/session-svelte", "@x/session-testing"],
    dependencies: {
      svelte: "^4.2.20",
      "svelte-check": "^4.3.0",
      "@sveltejs/vite-plugin-svelte": "^3.1.2",
      talkjs,
      typescript,
      // vite-plugin-svelte 3, the last with Svelte 4 support, needs Vite 5.
      vite: "^5.4.0",
      ...happyDom,
    },
    steps: [svelteCheck("bundler"), svelteCheck("node16"), svelteCheck("node10"), ...svelteRuntime],
  },
  {
    name: "node",
    covers:
      "core and testing in Node: bundler, node16 ESM + CJS, nodenext, node10; ESM and CJS at runtime; createFakeCore typed by @talkjs/core",
    template: "node",
    packages: ["@x/session-core", "@x/session-testing"],
    // The optional peer @talkjs/core, as a user who type-checks libraries (skipLibCheck: false) installs it: the
    // testing package's declarations type createFakeCore() with its types.
    dependencies: { talkjs, "@talkjs/core": talkjsCore, typescript },
    steps: [
      tsc("bundler"),
      tsc("node16"),
      tsc("nodenext"),
      tsc("node10"),
      ["runtime (ESM)", "node", "runtime.mjs"],
      ["runtime (CJS)", "node", "runtime.cjs"],
    ],
  },
];
