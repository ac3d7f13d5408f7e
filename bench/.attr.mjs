import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parse } from "/work/main/node_modules/.pnpm/acorn@8.19.0/node_modules/acorn/dist/acorn.mjs";
const file = process.argv[2];
const code = readFileSync(file, "utf8");
const g = (s) => gzipSync(s, { level: 9 }).length;
const total = g(code);
const ast = parse(code, { ecmaVersion: "latest", sourceType: "module" });
const parts = [];
for (const node of ast.body) {
  if (node.type === "VariableDeclaration") for (const d of node.declarations) parts.push([d.id.name ?? "?", d.start, d.end, code.slice(d.start, d.start + 60)]);
  else parts.push([node.id?.name ?? node.type, node.start, node.end, code.slice(node.start, node.start + 60)]);
}
const rows = parts.map(([n, s, e, head]) => [total - g(code.slice(0, s) + code.slice(e)), e - s, n, head.replace(/\n/g, " ")]);
rows.sort((a, b) => b[0] - a[0]);
console.log("total", total);
for (const r of rows) console.log(String(r[0]).padStart(5), String(r[1]).padStart(6), r[2].padEnd(4), r[3]);
