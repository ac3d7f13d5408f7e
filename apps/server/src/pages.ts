import { demoUsers } from "@x/example-shared/demoUsers";

/** The example apps the server knows, in the order the landing page lists them. */
export const EXAMPLE_APPS = [
  { name: "vanilla", title: "Vanilla TypeScript", package: "@x/example-vanilla", uses: "@x/session-core" },
  { name: "react", title: "React", package: "@x/example-react", uses: "@x/session-react" },
  { name: "vue", title: "Vue", package: "@x/example-vue", uses: "@x/session-vue" },
  { name: "svelte", title: "Svelte", package: "@x/example-svelte", uses: "@x/session-svelte" },
] as const;

export type ExampleApp = (typeof EXAMPLE_APPS)[number];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1f1f2e; background: #f5f5fa; }
  main { max-width: 860px; margin: 0 auto; padding: 40px 24px; }
  h1 { margin: 0 0 4px; font-size: 28px; }
  .lead { margin: 0 0 28px; color: #555; }
  .apps { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 16px; }
  .app { display: block; padding: 18px; border-radius: 12px; background: #fff; border: 1px solid #e2e2ec; color: inherit; text-decoration: none; }
  a.app:hover { border-color: #6b4fbb; box-shadow: 0 2px 10px rgba(107, 79, 187, .15); }
  .app strong { display: block; font-size: 18px; }
  .app code, .hint code { font-size: 13px; }
  .app .state { display: block; margin-top: 10px; font-size: 13px; color: #0f7b6c; }
  .app.missing { opacity: .75; }
  .app.missing .state { color: #8a6d00; }
  .users { display: flex; gap: 16px; margin: 12px 0 0; padding: 0; list-style: none; flex-wrap: wrap; }
  .users li { display: flex; align-items: center; gap: 8px; }
  .users img { width: 28px; height: 28px; }
  .hint { margin-top: 32px; padding: 16px; border-radius: 12px; background: #fff; border: 1px solid #e2e2ec; color: #444; font-size: 14px; }
  .pill { display: inline-block; padding: 2px 10px; border-radius: 99px; font-size: 13px; background: #ece8f8; color: #4b358f; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/**
 * The landing page at `/`: links to the four apps, which of them are built, and the mode.
 * @example
 * sendText(response, 200, "text/html; charset=utf-8", landingPage({ mode: "offline", appId, built: () => true }));
 */
export function landingPage({
  mode,
  appId,
  isBuilt,
}: {
  mode: "offline" | "talkjs";
  appId: string;
  isBuilt: (app: ExampleApp) => boolean;
}): string {
  const cards = EXAMPLE_APPS.map((app) =>
    isBuilt(app)
      ? `<a class="app" href="/${app.name}/"><strong>${app.title}</strong><code>${app.uses}</code><span class="state">Open →</span></a>`
      : `<div class="app missing"><strong>${app.title}</strong><code>${app.uses}</code><span class="state">Not built yet</span></div>`,
  ).join("");
  const users = demoUsers
    .map((user) => `<li><img src="${user.photoUrl}" alt=""> ${escapeHtml(user.name)}</li>`)
    .join("");
  const modeText =
    mode === "offline"
      ? `<span class="pill">Offline demo</span> TalkJS is simulated by <code>@x/session-testing</code>: the real <code>talkjs</code> loader runs, and a service worker serves the fake in place of the CDN script. Set <code>TALKJS_APP_ID</code> and <code>TALKJS_SECRET_KEY</code> to use real TalkJS.`
      : `<span class="pill">TalkJS app ${escapeHtml(appId)}</span> The apps talk to real TalkJS. The demo users below must exist in that app.`;
  return page(
    "TalkJS session demo",
    `<h1>TalkJS session demo</h1>
<p class="lead">The same small chat product in four frameworks, all on one session state machine. Pick an app, then a demo user.</p>
<nav class="apps">${cards}</nav>
<section class="hint"><p>${modeText}</p><p>Demo users:</p><ul class="users">${users}</ul></section>`,
  );
}

/**
 * The friendly page for an app whose `dist/` does not exist yet.
 * @example
 * sendText(response, 404, "text/html; charset=utf-8", notBuiltPage(EXAMPLE_APPS[1]));
 */
export function notBuiltPage(app: ExampleApp): string {
  return page(
    `${app.title} example is not built`,
    `<h1>The ${app.title} example is not built yet</h1>
<p class="lead">There is no <code>apps/${app.name}/dist</code>. Build it, then reload this page:</p>
<pre class="hint">pnpm --filter ${app.package} build</pre>
<p><a href="/">← All examples</a></p>`,
  );
}
