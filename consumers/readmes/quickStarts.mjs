// The README install commands and quick starts that must run as pasted in a fresh folder. An install block is a `sh`
// block with a line `npm install … ./packs/<tarball>.tgz …` (the packages as `pnpm pack:all` packs them, before they
// are published); the next `npm install` line without ./packs/ in the same block is the command for once they are on
// npm, and must name the same packages. Every code block under a heading that says "Quick start" (and under its
// subheadings) belongs to the nearest install block above it: the consumer matrix runs that install in a fresh
// folder and compiles the blocks there, with no placeholder declared (matrix/runMatrix.mjs); checkReadmes.mjs checks
// that the two commands agree.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const languages = { ts: "ts", typescript: "ts", tsx: "tsx", vue: "vue", svelte: "svelte" };

/** The READMEs of the repository (tracked or new, never under node_modules). */
export function listReadmes() {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*README.md"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\n")
    .filter((file) => file && !file.includes("node_modules/"));
}

/** The published packages and the ones of ours each depends on: "@x/session-react" → ["@x/session-core"]. */
export function publishedPackages() {
  const packages = new Map();
  for (const dir of readdirSync(join(root, "packages"))) {
    const manifest = JSON.parse(readFileSync(join(root, "packages", dir, "package.json"), "utf8"));
    if (manifest.private) continue;
    packages.set(manifest.name, Object.keys(manifest.dependencies ?? {}));
  }
  for (const [name, dependencies] of packages) {
    packages.set(
      name,
      dependencies.filter((dependency) => packages.has(dependency)),
    );
  }
  return packages;
}

/** "./packs/x-session-react.tgz" → "@x/session-react" (the name pack-all.mjs gives each tarball). */
export const tarballPackage = (path) => /^\.\/packs\/x-([\w-]+)\.tgz$/.exec(path)?.[1].replace(/^/, "@x/");

const npmInstall = /^npm\s+(?:install|i|add)\s+(.*?)\s*(?:#.*)?$/;

/**
 * Every install group of every README: `{ readme, line, command, registry, blocks }`, where `command` is the
 * ./packs/ line (run as written), `registry` the published-packages line (or undefined) and `blocks` the quick-start
 * code blocks `{ line, language, code }`. `problems` collects quick-start blocks with no install block above them.
 */
export function quickStarts(readmes = listReadmes()) {
  const groups = [];
  const problems = [];
  for (const readme of readmes) {
    const lines = readFileSync(join(root, readme), "utf8").split("\n");
    /** Open headings, outermost first, as [level, text]. */
    const headings = [];
    let group;
    for (let index = 0; index < lines.length; index += 1) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(lines[index]);
      if (heading) {
        while (headings.length > 0 && headings.at(-1)[0] >= heading[1].length) headings.pop();
        headings.push([heading[1].length, heading[2]]);
        continue;
      }
      const fence = /^(\s*)(`{3,})(\S*)/.exec(lines[index]);
      if (!fence) continue;
      const end = lines.findIndex((line, at) => at > index && line.trimStart().startsWith(fence[2]));
      if (end === -1) break;
      const code = lines.slice(index + 1, end).map((line) => line.slice(fence[1].length));
      if (fence[3] === "sh" || fence[3] === "bash" || fence[3] === "shell") {
        const installs = code.map((line) => npmInstall.exec(line.trim())).filter(Boolean);
        const packs = installs.findIndex((install) => install[1].includes("./packs/"));
        if (packs !== -1) {
          const registry = installs.slice(packs + 1).find((install) => !install[1].includes("./packs/"));
          group = {
            readme,
            line: index + 1,
            command: installs[packs][0].replace(/\s*#.*$/, ""),
            registry: registry?.[0].replace(/\s*#.*$/, ""),
            blocks: [],
          };
          groups.push(group);
        }
      } else if (languages[fence[3]] && headings.some(([, text]) => /quick start/i.test(text))) {
        if (group) group.blocks.push({ line: index + 1, language: languages[fence[3]], code: `${code.join("\n")}\n` });
        else
          problems.push(`${readme}:${index + 1}: a quick-start block with no \`npm install ./packs/…\` block above it`);
      }
      index = end;
    }
  }
  return { groups, problems };
}

/** The arguments of an npm install command: packages and flags, in order. */
export const installArguments = (command) => npmInstall.exec(command)?.[1].split(/\s+/).filter(Boolean) ?? [];
