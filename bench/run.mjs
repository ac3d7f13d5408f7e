// `pnpm bench`: builds the benchmark sources with esbuild, runs them, prints a table and writes RESULTS.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { JSDOM } from "jsdom";
import { coreSourceBytes, featureCosts } from "./featureCosts.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const svelteEsbuildPlugin = createRequire(import.meta.url)("../scripts/svelteEsbuildPlugin.cjs");
const out = here("./.out/");
mkdirSync(out, { recursive: true });

const bundle = (entry, name) =>
  build({
    entryPoints: [here(entry)],
    outfile: `${out}${name}.mjs`,
    bundle: true,
    format: "esm",
    platform: "node",
    jsx: "automatic",
    // Both React libraries import "talkjs", raw Data API code "@talkjs/core": point them at the fakes, as a test setup
    // would.
    alias: { talkjs: here("./src/fakeTalkjs.ts"), "@talkjs/core": here("./src/fakeTalkCore.ts") },
    external: ["react", "react-dom", "react/*", "react-dom/*"],
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });

// The `production` export condition is what Vite, webpack and Rollup set in a production build (esm-env, used by the
// Svelte package, picks its constant by it); `development` is what their dev builds set.
async function minGzipBytes(contents, resolveDir, external, conditions = ["production"]) {
  const result = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    define: { "process.env.NODE_ENV": conditions.includes("development") ? '"development"' : '"production"' },
    conditions,
    external,
    plugins: [svelteEsbuildPlugin],
    logLevel: "error",
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const rows = [];
const row = (group, measure, ours, theirs, goal, met) => rows.push({ group, measure, ours, theirs, goal, met });

// 1. Event fan-out.
await bundle("./src/coreBenchmarks.ts", "core");
const core = await import(`${out}core.mjs`);
for (const handlers of [1, 10, 100]) {
  const { oursNs, plainLoopNs } = await core.fanOut(handlers);
  const ratio = oursNs / plainLoopNs;
  row(
    "fan-out",
    `ns per event, ${handlers} handler${handlers === 1 ? "" : "s"}`,
    oursNs.toFixed(0),
    `${plainLoopNs.toFixed(0)} (plain loop)`,
    handlers === 100 ? "≤ 1.5× plain loop" : "",
    handlers === 100 ? `${ratio.toFixed(2)}× ${ratio <= 1.5 ? "✅" : "❌"}` : `${ratio.toFixed(2)}×`,
  );
}

// 2. Time to ready, real timers.
const latency = 300;
const readyRuns = [];
for (let run = 0; run < 3; run++) readyRuns.push(await core.timeToReady(latency, latency));
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const oursReady = median(readyRuns.map((run) => run.oursMs));
const seriesReady = median(readyRuns.map((run) => run.seriesMs));
row(
  "time to ready",
  `ms, SDK load ${latency} ms + token endpoint ${latency} ms (median of 3)`,
  oursReady.toFixed(0),
  `${seriesReady.toFixed(0)} (in series)`,
  `≈ ${latency} + a few ms`,
  `${oursReady - latency < 20 ? "✅" : "❌"} +${(oursReady - latency).toFixed(0)} ms`,
);

// 3. React, both libraries in one jsdom.
const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: "http://localhost/" });
for (const key of ["window", "document", "navigator", "HTMLElement", "Node", "Element"]) {
  Object.defineProperty(globalThis, key, {
    value: key === "window" ? dom.window : dom.window[key],
    configurable: true,
    writable: true,
  });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;
await bundle("./src/reactScenarios.tsx", "react");
const react = await import(`${out}react.mjs`);
const originalError = console.error;
const originalWarn = console.warn;
console.error = console.warn = () => {};
const scenarioNames = {
  inlineProps: "100 parent re-renders with inline syncUser/tokenFetcher/on* props",
  strictModeMount: "StrictMode mount",
  routeChange: "route change (shared controller where possible)",
};
for (const [scenario, label] of Object.entries(scenarioNames)) {
  const results = [];
  for (const library of react.libraries) results.push(await react.reactScenarios[scenario](library));
  const [mine, official] = results;
  row("React", `${label}: Talk.Sessions constructed`, mine.sessionsConstructed, official.sessionsConstructed, "", "");
  row(
    "React",
    `${label}: session-consumer renders`,
    mine.contextConsumerRenders,
    official.contextConsumerRenders,
    "",
    "",
  );
  row(
    "React",
    `${label}: peak live Talk.Sessions`,
    mine.peakLiveSessions,
    official.peakLiveSessions,
    "1",
    mine.peakLiveSessions <= 1 ? "✅" : "❌",
  );
}
const boxScenarioNames = {
  boxInlineProps: "Chatbox, 100 parent re-renders with inline options/style/on* props",
  boxConversationSwitches: "Chatbox, 10 conversation switches",
};
for (const [scenario, label] of Object.entries(boxScenarioNames)) {
  const results = [];
  for (const library of react.libraries) results.push(await react.boxScenarios[scenario](library));
  const [mine, official] = results;
  row(
    "React boxes",
    `${label}: boxes created`,
    mine.boxesCreated,
    official.boxesCreated,
    "1",
    mine.boxesCreated === 1 ? "✅" : "❌",
  );
  row("React boxes", `${label}: SDK calls on boxes`, mine.sdkCalls, official.sdkCalls, "", "");
  row("React boxes", `${label}: select() calls`, mine.selects, official.selects, "", "");
  row(
    "React boxes",
    `${label}: peak live boxes`,
    mine.peakLiveBoxes,
    official.peakLiveBoxes,
    "1",
    mine.peakLiveBoxes <= 1 ? "✅" : "❌",
  );
}
// syncConversation asked once per session: one mount, and 100 re-renders with a new inline function (syncConversationScenarios.tsx).
await bundle("./src/syncConversationScenarios.tsx", "syncConversation");
for (const cells of await (await import(`${out}syncConversation.mjs`)).syncConversationRows()) row(...cells);
// Navigation chatbox → inbox → popup → chatbox: per-page <Session>s and the README's layout recipe (navigationScenarios.tsx).
await bundle("./src/navigationScenarios.tsx", "navigation");
for (const cells of await (await import(`${out}navigation.mjs`)).navigationRows()) row(...cells);
// Issue 20: the data layer next to raw @talkjs/core used as its docs show, both on createFakeCore() (dataScenarios.tsx).
await bundle("./src/dataScenarios.tsx", "data");
for (const cells of await (await import(`${out}data.mjs`)).dataRows()) row(...cells);
console.error = originalError;
console.warn = originalWarn;

// 4. Bundle bytes, min+gzip, peers external, as an app's production build ships them; the development build (the
// `development` export condition) beside it. The goals are the ones in .size-limit.cjs, written into each name.
const budgets = createRequire(import.meta.url)("../.size-limit.cjs");
const peers = ["talkjs", "@talkjs/core", "react", "react-dom", "react/*", "vue", "svelte", "svelte/*"];
// kB as size-limit and the goals count them: 1,000 bytes.
const kilobytes = (count) => `${(count / 1000).toFixed(2)} kB`;
const sizeOf = (code, conditions) => minGzipBytes(code, here("."), peers, conditions);
const officialSizes = {
  "Session + useSession": await sizeOf(`export { Session, useSession } from "@talkjs/react";`),
  everything: await sizeOf(`export * from "@talkjs/react";`),
};
const measured = {};
for (const budget of budgets) {
  const goal = /goal ≤ ([\d.]+) kB/.exec(budget.name)?.[1];
  const specifier = budget.path.replace(/^packages\/(\w+)\/dist\/(.+)$/, (_, name, file) =>
    file === "index.js"
      ? `@x/session-${name}`
      : `@x/session-${name}/${file.replace(/(\/index)?\.js$/, "").replace("createSessionStore", "store")}`,
  );
  const code = `export ${budget.import} from "${specifier}";`;
  const production = await sizeOf(code);
  const development = await sizeOf(code, ["development"]);
  measured[budget.name] = production;
  const official = /Session \+ useSession/.test(budget.name)
    ? officialSizes["Session + useSession"]
    : /react: everything/.test(budget.name)
      ? officialSizes.everything
      : undefined;
  const gap = goal === undefined ? undefined : production - Number(goal) * 1000;
  row(
    "bundle",
    `${budget.name.replace(/ \(goal.*\)$/, "")}: production (development)`,
    `${kilobytes(production)} (${kilobytes(development)})`,
    official === undefined ? "" : kilobytes(official),
    goal === undefined ? "" : `≤ ${goal} kB`,
    gap === undefined ? "" : gap <= 0 ? "✅" : `❌ +${(gap / 1000).toFixed(2)} kB over`,
  );
}
// Issue 20: the data entries against @talkjs/core itself (together at most a tenth of its size), and the classic entries
// never bundling or importing it.
const talkCoreBytes = await minGzipBytes(`export * from "@talkjs/core";`, here("../packages/core"), []);
row("bundle", "@talkjs/core 1.12 itself (what a data app ships anyway)", "", kilobytes(talkCoreBytes), "", "");
const reactData = budgets.find((budget) => /react\/data: everything/.test(budget.name));
if (reactData) {
  const share = measured[reactData.name] / talkCoreBytes;
  row(
    "bundle",
    "@x/session-react/data everything, core included, as a share of @talkjs/core",
    `${(share * 100).toFixed(1)}%`,
    "",
    "≤ 10%",
    share <= 0.1 ? "✅" : `❌ +${((share - 0.1) * 100).toFixed(1)} points`,
  );
}
const classic = budgets.filter((budget) => !/\/data/.test(budget.path));
for (const budget of classic) {
  const result = await build({
    stdin: {
      contents: `export ${budget.import} from "${here(`../${budget.path}`)}";`,
      resolveDir: here("."),
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    conditions: ["production"],
    external: peers,
    plugins: [svelteEsbuildPlugin],
    logLevel: "error",
  });
  if (result.outputFiles[0].text.includes("@talkjs/core"))
    throw new Error(`bench: "${budget.name}" bundles or imports @talkjs/core; the classic entries must never do so.`);
}
row("bundle", `classic entries (${classic.length} size-limit rows) that import @talkjs/core`, "0", "", "0", "✅");
// Issue 20: the classic entries grow by at most 1% over what issue 19 reached. Those sizes were measured the same way
// (minGzipBytes, production) on a build of 7b15097, the last commit before the shared session machine.
const issue19Bytes = {
  "@x/session-core: createTalkSession": 3618,
  "@x/session-core: createTalkSession + createChatbox, createInbox, createPopup": 4627,
  "@x/session-core: whole entry": 4986,
  "@x/session-react: Session + useSession, core included": 4241,
  "@x/session-react: everything, core included": 5770,
  "@x/session-vue: everything, core included": 6136,
  "@x/session-svelte: TalkSession + getSessionContext, core included": 4525,
  "@x/session-svelte: everything, core included": 6295,
  "@x/session-svelte/store, core included": 3726,
};
for (const budget of classic) {
  const name = budget.name.replace(/ \(goal.*\)$/, "");
  const before = issue19Bytes[name];
  if (before === undefined) throw new Error(`bench: no issue 19 size for "${name}"; measure it on 7b15097.`);
  const growth = measured[budget.name] / before - 1;
  row(
    "bundle",
    `${name}: growth over issue 19's ${kilobytes(before)} (7b15097)`,
    `${growth < 0 ? "" : "+"}${(growth * 100).toFixed(2)}%`,
    "",
    "≤ +1%",
    growth <= 0.01 ? "✅" : "❌",
  );
}
const everything = budgets.find((budget) => /react: everything/.test(budget.name));
const sessionOnly = budgets.find((budget) => /react: Session \+ useSession/.test(budget.name));
if (everything && sessionOnly) {
  // What a user ships for the boxes: the React components and the core's box controller (its own goal, ≤ 1.0 kB).
  const boxes = measured[everything.name] - measured[sessionOnly.name];
  row(
    "bundle",
    "@x/session-react: Chatbox, Inbox, Popup over Session + useSession, core included (difference)",
    kilobytes(boxes),
    kilobytes(officialSizes.everything - officialSizes["Session + useSession"]),
    "",
    "",
  );
}
// Issue 12's goals: the core's box controllers over createTalkSession, and each adapter's three components over the
// rest of that adapter with the core external.
const overGoal = (bytes, goal) => (bytes <= goal ? "✅" : `❌ +${((bytes - goal) / 1000).toFixed(2)} kB over`);
const coreAlone = budgets.find((budget) => /core: createTalkSession \(/.test(budget.name));
const coreWithBoxes = budgets.find((budget) => /core: createTalkSession \+ create/.test(budget.name));
if (coreAlone && coreWithBoxes) {
  const boxes = measured[coreWithBoxes.name] - measured[coreAlone.name];
  row(
    "bundle",
    "@x/session-core: the box controllers over createTalkSession (difference)",
    kilobytes(boxes),
    "",
    "≤ 1.0 kB",
    overGoal(boxes, 1000),
  );
}
const adapterOnly = (name, names) =>
  minGzipBytes(`export { ${names} } from "@x/session-${name}";`, here("."), [...peers, "@x/session-core"]);
const adapters = {
  react: ["Session, useSession, useUnreads, useSessionState, useSessionController", "Chatbox, Inbox, Popup"],
  vue: ["TalkSession, useSession, useUnreads, useSessionState", "TalkChatbox, TalkInbox, TalkPopup"],
  svelte: ["TalkSession, getSessionContext, createSessionStore", "TalkChatbox, TalkInbox, TalkPopup"],
};
for (const [name, [rest, components]] of Object.entries(adapters)) {
  const boxes = (await adapterOnly(name, `${rest}, ${components}`)) - (await adapterOnly(name, rest));
  row(
    "bundle",
    `@x/session-${name}: ${components} over the rest of the adapter, core external (difference)`,
    kilobytes(boxes),
    "",
    "≤ 0.8 kB",
    overGoal(boxes, 800),
  );
}

// What the core's production bytes buy: each module of `createTalkSession` bundled alone (its imports of the other
// modules external), min+gzip. Alone, a module compresses worse than inside the bundle, so the rows add up to more
// than the bundle; they show where the bytes are, and what dropping a feature would save at most.
const coreModules = [
  ["classic/createTalkSession", "the talkjs session: building a Talk.Session, user switch, options, credentials"],
  [
    "machine/createSessionMachine",
    "the state machine: attempts, mailbox, ref-counted connect with a grace, whenReady, retry, destroy, trace",
  ],
  ["machine/timers", "timers: clamped delays, waits that leave no listener or timer behind"],
  [
    "machine/tokenSource",
    "tokens: single flight, retry with backoff, pacing, clock-skew handling, waiting for a new token",
  ],
  ["machine/eventHub", "events: fan-out, one SDK subscription per name, re-entrant removal, promises passed back"],
  ["classic/loadTalk", "SDK loading: timeout, fail-fast on a script error, a fresh script on retry"],
  ["classic/validateOptions", "option checks (production: appId and one user) and defaults"],
  ["machine/jwtClaims", "reading a JWT's exp and sub"],
  ["machine/contentKey", "comparing synced users (and box options) by content"],
  ["machine/SessionError", "the error class"],
];
for (const [module, buys] of coreModules) {
  // Every other core module the measured one imports stays outside its bundle.
  const othersExternal = {
    name: "others-external",
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = fileURLToPath(new URL(args.path, `file://${args.resolveDir}/`));
        const named = coreModules.find(([other]) => target.endsWith(`/src/${other}`));
        return named && named[0] !== module ? { path: args.path, external: true } : undefined;
      });
    },
  };
  const bytes = await coreSourceBytes(`export * from "./${module}";`, peers, [othersExternal]);
  row("core bytes", `${module}: ${buys} (alone)`, kilobytes(bytes), "", "", "");
}

// What each remaining byte buys: every optional-looking feature cut out of the source alone, and all of them at once,
// which shows whether dropping features could reach the goal (see featureCosts.mjs).
const { whole, costs, withoutAll } = await featureCosts();
for (const { feature, bytes } of costs)
  row("feature cost", `${feature}: what it adds to createTalkSession`, `${bytes} B`, "", "", "");
row(
  "feature cost",
  `createTalkSession with none of the features above (${kilobytes(whole)} with them, both built from the source)`,
  kilobytes(withoutAll),
  "",
  "≤ 2.8 kB",
  overGoal(withoutAll, 2800),
);

// What the data controller's bytes buy: the same cuts on createDataSession (featureCosts.mjs, dataFeatures).
const data = await featureCosts("createDataSession");
for (const { feature, bytes } of data.costs)
  row("feature cost", `${feature}: what it adds to createDataSession`, `${bytes} B`, "", "", "");
row(
  "feature cost",
  `createDataSession with none of the features above (${kilobytes(data.whole)} with them, both built from the source)`,
  kilobytes(data.withoutAll),
  "",
  "≤ 4.5 kB",
  overGoal(data.withoutAll, 4500),
);

const header = [
  "",
  "measure",
  "@x/session-*",
  "baseline: @talkjs/react 0.1.12, raw @talkjs/core 1.12 (data rows), or as named",
  "goal",
  "result",
];
const lines = [
  header,
  header.map(() => "---"),
  ...rows.map((r) => [r.group, r.measure, String(r.ours), String(r.theirs), r.goal, r.met]),
];
const table = lines.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
const machine = `Node ${process.version}, ${process.platform}/${process.arch}, ${new Date().toISOString().slice(0, 10)}`;
console.log(table);
writeFileSync(
  here("./RESULTS.md"),
  `# Benchmark results\n\n${machine}. Rerun with \`pnpm bench\` (after \`pnpm --filter "./packages/*" build\`).\n\n${table}\n`,
);
console.log(`\nwrote bench/RESULTS.md (${machine})`);
