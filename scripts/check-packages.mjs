// Runs publint --strict and @arethetypeswrong/cli on every published package (each must be built first).
import { execFileSync } from "node:child_process";

const packages = [
  { dir: "packages/core", attw: [] },
  // "./browser" is a classic <script> (an IIFE that installs the fake on window.Talk), not a module: it has no exports to type.
  { dir: "packages/testing", attw: ["--exclude-entrypoints", "./browser"] },
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
if (failed) {
  console.error("\npublint or attw found problems (see above).");
  process.exit(1);
}
