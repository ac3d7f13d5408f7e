// The consumer matrix: packs the five packages (`pnpm pack`, as they would be published), installs the tarballs with
// npm into fresh projects generated in a temporary directory (one per framework version, see projects.mjs), and runs
// each project's checks: type checks with `skipLibCheck: false` under several `moduleResolution` modes, a Vite build,
// and a runtime test. Then the READMEs' install commands and quick starts, each in a fresh folder with the tarballs in
// ./packs/ (see quickStartProjects.mjs). Run after `pnpm build`.
//
//   node matrix/runMatrix.mjs [project ...] [--keep]     (--keep leaves the temporary projects for inspection)
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { projects as frameworkProjects } from "./projects.mjs";
import { quickStartProjects } from "./quickStartProjects.mjs";

const run = promisify(execFile);
const root = new URL("../..", import.meta.url).pathname;
const templates = new URL("templates", import.meta.url).pathname;
const projects = [...frameworkProjects, ...quickStartProjects()];
const args = process.argv.slice(2);
const keep = args.includes("--keep");
const only = args.filter((arg) => !arg.startsWith("--"));
const selected = only.length > 0 ? projects.filter((project) => only.includes(project.name)) : projects;
if (selected.length !== (only.length || projects.length)) {
  throw new Error(
    `Unknown project in ${only.join(", ")}; known: ${projects.map((project) => project.name).join(", ")}`,
  );
}
// npm installs mostly wait on the network and the disk; two at a time halve the wall time on a 2-core machine.
const concurrency = Number(process.env.MATRIX_CONCURRENCY ?? Math.min(2, availableParallelism()));
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const started = performance.now();

const work = mkdtempSync(join(tmpdir(), "talk-session-consumers-"));
// `pnpm pack:all` (scripts/pack-all.mjs) packs as `pnpm publish` would (`workspace:^` becomes the real version range)
// and names each tarball without its version, as the READMEs' install commands expect.
const packs = join(work, "packs");
await run("node", [join(root, "scripts/pack-all.mjs"), "--no-build", "--out", packs], { cwd: root });
const packed = Object.fromEntries(
  readdirSync(packs)
    .filter((file) => file.endsWith(".tgz"))
    .map((file) => [file.replace(/^x-/, "@x/").replace(/\.tgz$/, ""), `file:${join(packs, file)}`]),
);
console.log(`Packed ${Object.keys(packed).length} packages in ${seconds(started)} (${work})`);

// A README quick start: its files, packs/ beside them, and the README's install command as written.
function prepareQuickStart(project, dir) {
  for (const [file, text] of Object.entries(project.files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  cpSync(packs, join(dir, "packs"), { recursive: true });
}

async function check(project) {
  const dir = join(work, project.name);
  if (project.install) return checkQuickStart(project, dir);
  cpSync(join(templates, project.template), dir, { recursive: true });
  const dependencies = { ...project.dependencies };
  for (const name of project.packages) dependencies[name] = packed[name];
  // The adapters depend on @x/session-core by version; resolve it to the tarball, never to the registry.
  const overrides = Object.fromEntries(
    Object.entries(packed)
      .filter(([name]) => !project.packages.includes(name))
      .map(([name, spec]) => [name, spec]),
  );
  const manifest = { name: `consumer-${project.name}`, private: true, type: "module", dependencies, overrides };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

  const timings = [];
  const step = stepper(project, dir, timings);
  // --prefer-offline: the shared npm cache answers whatever it has; the registry only for what it lacks. One more try
  // after a failure, so a dropped connection to the registry does not fail the matrix.
  const install = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error"];
  await step("npm install", "npm", install).catch(() => step("npm install (again)", "npm", install));
  for (const [label, command, ...commandArgs] of project.steps) await step(label, command, commandArgs);
  return timings;
}

function stepper(project, dir, timings) {
  return async (label, command, commandArgs, options = {}) => {
    const since = performance.now();
    const local = join(dir, "node_modules/.bin", command);
    try {
      await run(existsSync(local) ? local : command, commandArgs, {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
        ...options,
      });
    } catch (error) {
      throw new Error(
        `${project.name}: ${label} failed (${[command, ...commandArgs].join(" ")} in ${dir})\n` +
          `${error.stdout ?? ""}${error.stderr ?? ""}`.trim(),
      );
    }
    timings.push(`${label} ${seconds(since)}`);
  };
}

async function checkQuickStart(project, dir) {
  prepareQuickStart(project, dir);
  const timings = [];
  const step = stepper(project, dir, timings);
  // The README's command as written; npm's settings come from the environment, as a user's ~/.npmrc would give them.
  const env = {
    ...process.env,
    npm_config_prefer_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_loglevel: "error",
  };
  const install = () => step("README install", "sh", ["-c", project.install], { env });
  await install().catch(() => install());
  for (const [label, command, ...commandArgs] of project.steps) await step(label, command, commandArgs);
  return timings;
}

const failures = [];
const queue = [...selected];
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let project = queue.shift(); project; project = queue.shift()) {
      const since = performance.now();
      try {
        const timings = await check(project);
        console.log(`✓ ${project.name} (${project.covers}) in ${seconds(since)}: ${timings.join(", ")}`);
      } catch (error) {
        failures.push(project.name);
        console.error(`✗ ${project.name} (${project.covers})\n${error.message}\n`);
      }
    }
  }),
);

console.log(
  `Consumer matrix: ${selected.length - failures.length}/${selected.length} projects passed in ${seconds(started)}.`,
);
if (failures.length > 0) {
  console.error(`Failed: ${failures.join(", ")}. The projects are kept in ${work}`);
  process.exit(1);
}
if (keep) console.log(`Kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
