import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { build } from "esbuild";
import { serveFakeTalk } from "./apps.js";

// Issue 13: every package loads as plain ESM in a browser, through an import map, with no bundler and no `process`.
const repository = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const resolveFrom = (folder: string, request: string) =>
  createRequire(join(repository, folder, "package.json")).resolve(request);
const origin = "http://plain-esm.test";

/**
 * React ships CommonJS only, so the test turns it (not our packages) into browser modules once: one shared chunk,
 * so `react`, `react/jsx-runtime` and `react-dom/client` are one React.
 */
async function reactModules(): Promise<Record<string, string>> {
  const react = createRequire(resolveFrom("packages/react", "react"));
  const names = (request: string) => Object.keys(react(request) as object).filter((name) => name !== "default");
  const entry = (request: string) =>
    `import * as all from "${request}"; export default all.default ?? all; export const { ${names(request).join(", ")} } = all;`;
  const entries = { react: "react", "react-jsx-runtime": "react/jsx-runtime", "react-dom-client": "react-dom/client" };
  const { outputFiles } = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, request]) => [name, `virtual:${request}`])),
    plugins: [
      {
        name: "virtual",
        setup(builder) {
          builder.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path.slice(8), namespace: "virtual" }));
          builder.onLoad({ filter: /.*/, namespace: "virtual" }, (args) => ({
            contents: entry(args.path),
            resolveDir: join(repository, "packages/react"),
          }));
        },
      },
    ],
    bundle: true,
    splitting: true,
    format: "esm",
    outdir: "/virtual-out",
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
  });
  return Object.fromEntries(outputFiles.map((file) => [`/vendor/${file.path.split("/").pop()!}`, file.text]));
}

const dist = (name: string) => join(repository, "packages", name, "dist");

async function openPage(page: Page, build: "production" | "development", vendor: Record<string, string>) {
  const file = (name: string) => (build === "production" ? `${name}.js` : `${name}.development.js`);
  const importMap = {
    imports: {
      talkjs: "/vendor/talkjs.js",
      vue: "/vendor/vue.js",
      react: "/vendor/react.js",
      "react/jsx-runtime": "/vendor/react-jsx-runtime.js",
      "react-dom/client": "/vendor/react-dom-client.js",
      "@x/session-core": `/core/${file("index")}`,
      "@x/session-react": `/react/${file("index")}`,
      "@x/session-vue": `/vue/${file("index")}`,
      "@x/session-svelte/store": "/svelte/store.js",
    },
  };
  const files: Record<string, string> = {
    ...vendor,
    "/vendor/talkjs.js": readFileSync(resolveFrom("packages/core", "talkjs/src/index.esnext.js"), "utf8"),
    "/vendor/vue.js": readFileSync(resolveFrom("packages/vue", "vue/dist/vue.esm-browser.prod.js"), "utf8"),
    "/index.html": `<!doctype html><meta charset="utf-8"><title>plain ESM</title>
<script type="importmap">${JSON.stringify(importMap)}</script>
<div id="react"></div><div id="vue"></div><p id="core"></p><p id="svelte"></p>
<script type="module" src="/main.js"></script>`,
    "/main.js": `
import { createTalkSession } from "@x/session-core";
import { Session, useSession } from "@x/session-react";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { createApp, h } from "vue";
import { TalkSession } from "@x/session-vue";
import { createSessionStore } from "@x/session-svelte/store";

window.hasProcess = typeof process !== "undefined";
const show = (id, text) => (document.getElementById(id).textContent = text);

const core = createTalkSession({ appId: "plain-esm", userId: "core-user" });
core.connect();
core.whenReady().then((session) => show("core", "core ready as " + session.me.id));

function Probe() {
  const session = useSession();
  return createElement("p", null, session ? "react ready as " + session.me.id : "react waiting");
}
createRoot(document.getElementById("react")).render(
  createElement(Session, { appId: "plain-esm", userId: "react-user" }, createElement(Probe)),
);

createApp({
  render: () =>
    h(TalkSession, { appId: "plain-esm", userId: "vue-user" }, {
      default: ({ session }) => h("p", session ? "vue ready as " + session.me.id : "vue waiting"),
    }),
}).mount("#vue");

createSessionStore({ appId: "plain-esm", userId: "svelte-user" }).subscribe((state) =>
  show("svelte", state.session ? "svelte ready as " + state.session.me.id : "svelte " + state.status),
);

try {
  createTalkSession({ appId: "plain-esm" });
} catch (error) {
  window.validationMessage = error.message;
}
`,
  };
  const roots: Record<string, string> = {
    "/core/": dist("core"),
    "/react/": dist("react"),
    "/vue/": dist("vue"),
    "/svelte/": dist("svelte"),
  };
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const root = Object.keys(roots).find((prefix) => path.startsWith(prefix));
    const body = files[path] ?? (root ? readFileSync(join(roots[root]!, path.slice(root.length)), "utf8") : undefined);
    if (body === undefined) return route.fulfill({ status: 404, body: "not found" });
    const contentType = path.endsWith(".html") ? "text/html" : "text/javascript";
    return route.fulfill({ status: 200, contentType, body });
  });
  await page.goto(`${origin}/index.html`);
}

let vendor: Record<string, string>;
test.beforeAll(async () => {
  vendor = await reactModules();
});

for (const mode of ["production", "development"] as const) {
  test(`the ${mode} builds of every package run a session as plain ESM through an import map`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await serveFakeTalk(page);
    await openPage(page, mode, vendor);
    await expect(page.locator("#core")).toHaveText("core ready as core-user");
    await expect(page.locator("#react")).toHaveText("react ready as react-user");
    await expect(page.locator("#vue")).toHaveText("vue ready as vue-user");
    await expect(page.locator("#svelte")).toHaveText("svelte ready as svelte-user");
    expect(await page.evaluate(() => (window as unknown as { hasProcess: boolean }).hasProcess)).toBe(false);
    // Development builds explain; production builds keep the option's name.
    const message = await page.evaluate(() => (window as unknown as { validationMessage: string }).validationMessage);
    expect(message).toContain("userId");
    if (mode === "development") expect(message).toMatch(/needs exactly one of "userId" or "syncUser"/);
    else expect(message.length).toBeLessThan(40);
    expect(errors).toEqual([]);
  });
}
