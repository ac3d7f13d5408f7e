import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const svelteEsbuildPlugin = require("/work/main/scripts/svelteEsbuildPlugin.cjs");
const budgets = require("/work/main/.size-limit.cjs");
const roots = process.argv.slice(2);
const peers = ["talkjs", "@talkjs/core", "react", "react-dom", "react/*", "vue", "svelte", "svelte/*"];
for (const b of budgets) {
  const out = [];
  for (const root of roots) {
    try {
      const r = await build({ stdin: { contents: `export ${b.import} from "${root}/${b.path}";`, resolveDir: root, loader: "ts" }, bundle: true, minify: true, format: "esm", write: false,
        define: { "process.env.NODE_ENV": '"production"' }, conditions: ["production"], external: peers, plugins: [svelteEsbuildPlugin], logLevel: "error" });
      out.push(gzipSync(r.outputFiles[0].contents, { level: 9 }).length);
    } catch (e) { out.push("—"); }
  }
  const pct = typeof out[0] == "number" && typeof out[1] == "number" ? ((out[1] / out[0] - 1) * 100).toFixed(2) + "%" : "";
  console.log(out.map((x) => String(x).padStart(5)).join(" "), pct.padStart(7), b.name.slice(0, 75));
}
