import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { build } from "esbuild";
import { collectPageErrors, serveFakeTalk } from "./apps.js";

// Issue 19: the README's Next.js recipe (a client layout creates the controller once; each page's <Session
// controller>) keeps one Talk.Session while the user navigates on the client: chatbox → inbox → popup → chatbox.
const repository = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const react = join(repository, "packages/react");
const origin = "http://navigation.test";

/** The fixture with React, the real talkjs loader and the React package's production build, as one browser module. */
async function bundleFixture(): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [join(repository, "apps/e2e/fixtures/navigation/app.mjs")],
    bundle: true,
    format: "esm",
    write: false,
    // The fixture imports what the React package depends on, from that package's folder.
    nodePaths: [join(react, "node_modules")],
    alias: { "@x/session-react": join(react, "dist/index.js") },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  return outputFiles[0]!.text;
}

async function openFixture(page: Page, script: string, path: string) {
  await page.route(`${origin}/**`, (route) => {
    const asked = new URL(route.request().url()).pathname;
    if (asked === "/app.js") return route.fulfill({ status: 200, contentType: "text/javascript", body: script });
    // Every other path is the single page, as a server rendering a client router answers.
    return route.fulfill({
      status: 200,
      contentType: "text/html",
      body: `<!doctype html><meta charset="utf-8"><title>navigation</title><div id="root"></div><script type="module" src="/app.js"></script>`,
    });
  });
  await page.goto(`${origin}${path}`);
}

/** Waits until the page at `path` shows its box: mounted, of the page's kind, on a live session. */
async function shows(page: Page, path: string, kind: "chatbox" | "inbox" | "popup") {
  await expect(page.locator("main")).toHaveAttribute("data-path", path);
  await page.waitForFunction(
    (wanted) => window.TalkFake?.liveBoxes().some((box) => box.kind === wanted && box.mounted && box.session.isAlive),
    kind,
  );
}

let script: string;
test.beforeAll(async () => {
  script = await bundleFixture();
});

test("navigating chatbox → inbox → popup → chatbox under the layout recipe builds one Talk.Session in all", async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await serveFakeTalk(page);
  await openFixture(page, script, "/chatbox");
  await shows(page, "/chatbox", "chatbox");

  for (const [path, kind] of [
    ["/inbox", "inbox"],
    ["/popup", "popup"],
    ["/chatbox", "chatbox"],
  ] as const) {
    await page.getByTestId(`link-${kind}`).click();
    await shows(page, path, kind);
  }

  const counts = await page.evaluate(() => {
    const fake = window.TalkFake!;
    return {
      built: fake.sessions.length,
      live: fake.liveSessions().length,
      peak: fake.peakLiveSessions(),
      liveBoxes: fake.liveBoxes().map((box) => box.kind),
      boxesBuilt: fake.boxes.length,
      documentLoads: (window as unknown as { documentLoads: number }).documentLoads,
    };
  });
  expect(counts).toEqual({
    built: 1,
    live: 1,
    peak: 1,
    // The last page's box alone: each page destroyed its box when it went.
    liveBoxes: ["chatbox"],
    boxesBuilt: 4,
    documentLoads: 1,
  });
  expect(errors).toEqual([]);
});
