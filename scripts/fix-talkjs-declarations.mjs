// Rewrites how built declaration files (.d.ts, .d.cts) import the `talkjs` types (and, in .d.cts files, the
// `@talkjs/core` types), so they resolve under every moduleResolution a user may have: bundler, node16/nodenext (ESM
// and CJS) and node10.
//
// Why: talkjs 0.46 is a CommonJS package whose `talk.d.ts` says `export default Talk` (a namespace). Under node16 and
// nodenext, an ES module's `import Talk from "talkjs"` gets the whole CommonJS `module.exports` instead, so
// `Talk.Session` does not exist: every type built on it fails with skipLibCheck: false, and silently becomes `any`
// (untyped handlers) with skipLibCheck: true. `talkjs/all.js` is the module `talk.d.ts` re-exports: a plain namespace
// of the same types that resolves the same way everywhere (the `.js` extension is what node16 needs to find
// `all.d.ts`; talkjs has no "exports" map, so the subpath is allowed). Sources keep the idiomatic `import type Talk
// from "talkjs"`; only the published declarations change. Any other form of importing `talkjs` fails the build.
//
//   node scripts/fix-talkjs-declarations.mjs <dir>      (every *.d.ts / *.d.cts under <dir>)
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node scripts/fix-talkjs-declarations.mjs <dist dir>");
const portable = "talkjs/all.js";

const declarationFiles = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) =>
  /\.d\.c?ts$/.test(file),
);
let rewritten = 0;
for (const file of declarationFiles) {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    const specifier =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier
        ? node.moduleSpecifier
        : ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)
          ? node.argument.literal
          : undefined;
    if (specifier && ts.isStringLiteral(specifier) && /^talkjs($|\/)/.test(specifier.text)) {
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
      if (ts.isImportDeclaration(node) && !clause && specifier.text === "talkjs") {
        // A bare `import "talkjs";` left by declaration bundling (a chunk that uses its types elsewhere): no types.
        edits.push({ start: node.getStart(source), end: node.getEnd(), text: "" });
      } else if (specifier.text === "talkjs/all" || specifier.text === portable) {
        edits.push({ start: specifier.getStart(source), end: specifier.getEnd(), text: JSON.stringify(portable) });
      } else if (specifier.text === "talkjs" && clause?.name && !clause.namedBindings) {
        edits.push({
          start: node.getStart(source),
          end: node.getEnd(),
          text: `import type * as ${clause.name.text} from ${JSON.stringify(portable)};`,
        });
      } else {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        throw new Error(
          `${path}:${line + 1}: unexpected talkjs import "${node.getText(source)}". Import the SDK types as ` +
            '`import type Talk from "talkjs"` (rewritten here) so the published declarations work under node16.',
        );
      }
    }
    // `@talkjs/core` is an ES module only: a CommonJS declaration file (.d.cts, read under node16/nodenext by
    // `require` users) may import its types only as type-only imports resolved as `import` (TypeScript 5.3+), or
    // skipLibCheck: false fails with TS1479.
    if (
      file.endsWith(".d.cts") &&
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      specifier?.text === "@talkjs/core" &&
      !node.attributes
    ) {
      const keyword = node.getStart(source) + (ts.isImportDeclaration(node) ? "import" : "export").length;
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
      if (!typeOnly) edits.push({ start: keyword, end: keyword, text: " type" });
      edits.push({ start: specifier.getEnd(), end: specifier.getEnd(), text: ' with { "resolution-mode": "import" }' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) continue;
  let output = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    output = output.slice(0, edit.start) + edit.text + output.slice(edit.end);
  }
  writeFileSync(path, output);
  rewritten += 1;
}
console.log(
  `talkjs types: ${rewritten} of ${declarationFiles.length} declaration files in ${dir} import "${portable}".`,
);
