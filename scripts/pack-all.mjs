// `pnpm pack:all`: builds every published package and packs it, as `pnpm publish` would (`workspace:` ranges become
// real versions), into packs/ at the repository root, one tarball per package under a name without its version
// (packs/x-session-react.tgz), so the install commands in the READMEs stay true across releases. Until the packages
// are on npm, apps install these tarballs (see the root README). packs/ ignores itself (it holds its own .gitignore).
//
//   node scripts/pack-all.mjs [--no-build] [--out <dir>]     (--no-build: pack the dist/ folders as they are)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt === -1 ? join(root, "packs") : resolve(args[outAt + 1]);

if (!args.includes("--no-build")) {
  execFileSync("pnpm", ["exec", "turbo", "run", "build", "--filter=./packages/*", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
  });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, ".gitignore"), "*\n");

/** Package name → the tarball written, e.g. "@x/session-react" → "/…/packs/x-session-react.tgz". */
const packed = {};
for (const dir of readdirSync(join(root, "packages")).sort()) {
  const folder = join(root, "packages", dir);
  const manifest = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  if (manifest.private) continue;
  if (!existsSync(join(folder, "dist"))) throw new Error(`packages/${dir}/dist is missing: run pnpm build.`);
  execFileSync("pnpm", ["pack", "--pack-destination", out], { cwd: folder, stdio: "ignore" });
  const base = manifest.name.replace("@", "").replace("/", "-");
  const written = join(out, `${base}-${manifest.version}.tgz`);
  if (!existsSync(written)) throw new Error(`pnpm pack did not write ${written}`);
  packed[manifest.name] = join(out, `${base}.tgz`);
  renameSync(written, packed[manifest.name]);
}

const shown = relative(process.cwd(), out) || ".";
console.log(`Packed ${Object.keys(packed).length} packages into ${shown}/:`);
for (const file of Object.values(packed)) console.log(`  ${relative(out, file)}`);
console.log(
  `\nIn your app, with packs/ copied next to its package.json (cp -r ${out} .), for example:\n` +
    "  npm install ./packs/x-session-react.tgz ./packs/x-session-core.tgz ./packs/x-session-testing.tgz talkjs",
);
