// Puts the "use client" directive back at the top of each built module of a package (Next.js App Router: these
// components and hooks run on the client). tsup's tree-shaking pass (Rollup) drops module-level directives, so the
// build adds it here; each source map gets one empty line in front to stay aligned.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const directive = '"use client";\n';
for (const file of readdirSync(dist).filter((name) => /\.c?js$/.test(name))) {
  const path = join(dist, file);
  const code = readFileSync(path, "utf8");
  if (code.startsWith(directive)) continue;
  writeFileSync(path, directive + code);
  const mapPath = `${path}.map`;
  if (existsSync(mapPath)) {
    const map = JSON.parse(readFileSync(mapPath, "utf8"));
    map.mappings = `;${map.mappings}`;
    writeFileSync(mapPath, JSON.stringify(map));
  }
}
