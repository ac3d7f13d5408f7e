// Fails when README.md's list of spec files and the tests/*.spec.ts files differ, so the list cannot go stale.
import { readdirSync, readFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const onDisk = new Set(readdirSync(new URL("tests/", root)).filter((name) => name.endsWith(".spec.ts")));
const readme = readFileSync(new URL("README.md", root), "utf8");
const named = new Set([...readme.matchAll(/`tests\/([\w.-]+\.spec\.ts)`/g)].map((match) => match[1]));

const missing = [...onDisk].filter((name) => !named.has(name));
const gone = [...named].filter((name) => !onDisk.has(name));
for (const name of missing)
  console.error(`apps/e2e/README.md does not describe tests/${name}; add a paragraph for it.`);
for (const name of gone)
  console.error(`apps/e2e/README.md names tests/${name}, which does not exist; remove or rename it.`);
if (missing.length + gone.length > 0) process.exit(1);
console.log(`apps/e2e/README.md describes all ${onDisk.size} spec files.`);
