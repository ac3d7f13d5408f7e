// Compares every adapter entry's exports with the one declared list in sharedExports.mjs, on the built declarations
// (what npm users get): each shared name is exported, each shared value is usable as a value (not `export type`), no
// adapter-author helper leaks, and every core export is classified as shared or core-only. Run after `pnpm build`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ts from "typescript";
import { adapterEntries, coreEntry, coreOnly, sharedTypes, sharedValues } from "./sharedExports.mjs";

const root = new URL("../..", import.meta.url).pathname;
const shared = new Set([...sharedValues, ...sharedTypes]);
const problems = [];

const options = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  skipLibCheck: true,
  strict: true,
  types: [],
};

const exportNames = (program, file) => {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${relative(root, file)} is missing: run \`pnpm build\` first.`);
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(source);
  return new Set(moduleSymbol ? checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.name) : []);
};

const files = [coreEntry, ...Object.values(adapterEntries)].map((file) => join(root, file));
const program = ts.createProgram(files, options);
const core = exportNames(program, join(root, coreEntry));

for (const name of core) {
  if (!shared.has(name) && !coreOnly.includes(name))
    problems.push(
      `@x/session-core exports "${name}", which consumers/exports/sharedExports.mjs does not classify: add it to ` +
        `sharedValues/sharedTypes (and to every adapter's index) if framework users need it, else to coreOnly.`,
    );
}
for (const name of shared) {
  if (!core.has(name)) problems.push(`"${name}" is in the shared list but @x/session-core does not export it.`);
}

// A probe module per entry imports each shared value as a value (used as one) and each shared type with `import type`:
// a value exported with `export type` fails to compile, with TypeScript's own message.
const probeDir = mkdtempSync(join(tmpdir(), "export-probe-"));
try {
  const probes = [];
  for (const [entry, file] of Object.entries(adapterEntries)) {
    const names = exportNames(program, join(root, file));
    for (const name of shared) if (!names.has(name)) problems.push(`${entry} does not export "${name}".`);
    for (const name of coreOnly) {
      if (names.has(name)) problems.push(`${entry} re-exports "${name}", a helper for adapter authors (coreOnly).`);
    }
    const specifier = join(root, file).replace(/\.d\.ts$/, ".js");
    const probe = join(probeDir, `${entry.replace(/\W+/g, "_")}.ts`);
    const present = (list) => list.filter((name) => names.has(name)).join(", ");
    writeFileSync(
      probe,
      `// ${entry}\n` +
        `import { ${present(sharedValues)} } from ${JSON.stringify(specifier)};\n` +
        `import type { ${present(sharedTypes)} } from ${JSON.stringify(specifier)};\n` +
        `export const values: unknown[] = [${present(sharedValues)}];\n`,
    );
    probes.push({ entry, probe });
  }
  const probeProgram = ts.createProgram(
    probes.map(({ probe }) => probe),
    { ...options, noUnusedLocals: false },
  );
  for (const diagnostic of ts.getPreEmitDiagnostics(probeProgram)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    const { entry } = probes.find(({ probe }) => probe === diagnostic.file?.fileName) ?? { entry: "probe" };
    problems.push(`${entry}: ${message}`);
  }
} finally {
  rmSync(probeDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`Export lists differ from consumers/exports/sharedExports.mjs:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(
  `Exports: ${Object.keys(adapterEntries).join(", ")} each re-export the same ${sharedValues.length} values and ` +
    `${sharedTypes.length} types of @x/session-core, and none of its ${coreOnly.length} adapter-author helpers.`,
);
