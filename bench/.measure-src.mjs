import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { writeFileSync } from "node:fs";
const S = "/work/main/packages/core/src";
const entries = {
  data: `export { createDataSession } from "${S}/data/index.ts";`,
  talk: `export { createTalkSession } from "${S}/index.ts";`,
  boxes: `export { createTalkSession, createChatbox, createInbox, createPopup } from "${S}/index.ts";`,
};
let out = [];
for (const [name, contents] of Object.entries(entries)) {
  const r = await build({ stdin: { contents, resolveDir: "/work/main/packages/core", loader: "ts" }, bundle: true, minify: true, format: "esm", write: false,
    define: { "process.env.NODE_ENV": '"production"' }, conditions: ["production"], external: ["talkjs","@talkjs/core"], logLevel: "error" });
  const code = r.outputFiles[0].contents;
  writeFileSync(`/tmp/sz/src-${name}.min.js`, code);
  out.push(`${name} ${code.length} ${gzipSync(code, { level: 9 }).length}`);
}
console.log(out.join(" | "));
