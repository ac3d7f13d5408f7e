// Dry run of `changeset version` in a throwaway copy of the repository: the pending changesets must apply cleanly and
// move the five published packages to one shared version. The real tree is never touched.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const published = ["core", "testing", "react", "vue", "svelte"].map((name) => `packages/${name}/package.json`);
const skipped = new Set(["node_modules", "dist", ".turbo", "docs", "coverage", ".svelte-kit", "test-results"]);
const readVersion = (dir, file) => JSON.parse(readFileSync(join(dir, file), "utf8")).version;

const copy = mkdtempSync(join(tmpdir(), "changeset-dry-run-"));
try {
  cpSync(root, copy, {
    recursive: true,
    filter: (source) =>
      !relative(root, source)
        .split("/")
        .some((part) => skipped.has(part)),
  });
  const before = published.map((file) => readVersion(copy, file));
  const changesetBin = join(root, "node_modules/@changesets/cli/bin.js");
  // `changeset version` only reads .changeset/ and the workspace's package.json files; no git or network needed.
  execFileSync(process.execPath, [changesetBin, "version"], { cwd: copy, stdio: "inherit" });
  const after = published.map((file) => readVersion(copy, file));
  const moved = published.map((file, index) => `${file}: ${before[index]} -> ${after[index]}`);
  console.log(moved.join("\n"));
  if (new Set(after).size !== 1) throw new Error(`The fixed group drifted apart:\n${moved.join("\n")}`);
  if (after[0] === before[0]) throw new Error("`changeset version` bumped nothing: is there a pending changeset?");
  console.log(`changeset version: all ${published.length} packages move together to ${after[0]}.`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
