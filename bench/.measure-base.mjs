import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const root = process.argv[2] ?? "/work/main/.wt-base";
const entries = {
  talk: `export { createTalkSession } from "${root}/packages/core/dist/index.js";`,
  reactSession: `export { Session, useSession } from "${root}/packages/react/dist/index.js";`,
  svelteStore: `export { createSessionStore } from "${root}/packages/svelte/dist/store.js";`,
};
for (const [name, contents] of Object.entries(entries)) {
  try {
  const r = await build({ stdin: { contents, resolveDir: "/work/main/bench", loader: "ts" }, bundle: true, minify: true, format: "esm", write: false,
    alias: { "@x/session-core": `${root}/packages/core/dist/index.js` },
    define: { "process.env.NODE_ENV": '"production"' }, conditions: ["production"], external: ["talkjs","@talkjs/core","react","react-dom","react/*","vue","svelte","svelte/*"], logLevel: "error" });
  const code = r.outputFiles[0].contents;
  console.log(name, code.length, gzipSync(code, { level: 9 }).length);
  } catch (e) { console.log(name, "failed", e.message.slice(0, 200)); }
}
