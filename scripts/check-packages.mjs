// Runs publint --strict and @arethetypeswrong/cli on every published package (each must be built first), and checks
// that every built module of the React package starts with "use client" (Next.js App Router needs it; the build adds
// it after tsup, scripts/use-client.mjs).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const packages = [
  { dir: "packages/core", attw: [] },
  // "./browser" and "./core-browser" are classic <script>s (IIFEs that install the fakes on window.Talk and
  // window.TalkCoreFake), not modules: they have no exports to type.
  { dir: "packages/testing", attw: ["--exclude-entrypoints", "./browser", "./core-browser"] },
  { dir: "packages/react", attw: [] },
  { dir: "packages/vue", attw: [] },
  {
    dir: "packages/svelte",
    attw: [
      // Svelte packages are ESM-only (svelte-package output, a "svelte" condition, no require build), so a require()
      // from CommonJS finding ESM is expected; node10 stays checked (typesVersions maps "./store" for it).
      // dist/index.d.ts re-exports "./TalkSession.svelte"; attw cannot resolve .svelte files (out of scope per its
      // maintainers, arethetypeswrong.github.io#171) while svelte-check and the Svelte TS plugin resolve them to
      // TalkSession.svelte.d.ts. These two rules are ignored only here; the "./store" entry has no .svelte import.
      "--ignore-rules",
      "cjs-resolves-to-esm",
      "internal-resolution-error",
    ],
  },
];

let failed = false;
for (const { dir, attw } of packages) {
  for (const [command, args] of [
    ["publint", ["--strict"]],
    ["attw", ["--pack", ".", "--format", "table-flipped", ...attw]],
  ]) {
    console.log(`\n$ (cd ${dir} && ${command} ${args.join(" ")})`);
    try {
      execFileSync("pnpm", ["exec", command, ...args], { cwd: dir, stdio: "inherit" });
    } catch {
      failed = true;
    }
  }
}
const reactModules = readdirSync("packages/react/dist").filter((name) => /\.c?js$/.test(name));
const withoutDirective = reactModules.filter(
  (name) => !readFileSync(`packages/react/dist/${name}`, "utf8").startsWith('"use client";'),
);
for (const name of withoutDirective) console.error(`packages/react/dist/${name} does not start with "use client".`);
if (withoutDirective.length > 0 || reactModules.length === 0) failed = true;
else console.log(`\n"use client" opens all ${reactModules.length} built modules of packages/react.`);
if (failed) {
  console.error('\npublint, attw or the "use client" check found problems (see above).');
  process.exit(1);
}
