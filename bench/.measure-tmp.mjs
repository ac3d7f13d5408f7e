import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { writeFileSync } from "node:fs";
const entries = {
  data: `export { createDataSession } from "@x/session-core/data";`,
  reactdata: `export * from "@x/session-react/data";`,
  talk: `export { createTalkSession } from "@x/session-core";`,
  reactSession: `export { Session, useSession } from "@x/session-react";`,
  svelteStore: `export { createSessionStore } from "@x/session-svelte/store";`,
};
const only = process.argv[2];
for (const [name, contents] of Object.entries(entries)) {
  if (only && !only.split(",").includes(name)) continue;
  const r = await build({ stdin: { contents, resolveDir: "/work/main/bench", loader: "ts" }, bundle: true, minify: true, format: "esm", write: false,
    define: { "process.env.NODE_ENV": '"production"' }, conditions: ["production"], external: ["talkjs","@talkjs/core","react","react-dom","react/*","vue","svelte","svelte/*"], logLevel: "error" });
  const code = r.outputFiles[0].contents;
  writeFileSync(`/tmp/sz/${name}.min.js`, code);
  console.log(name, code.length, gzipSync(code, { level: 9 }).length);
}
