import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type { FakeTalkWindow } from "@x/session-testing";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: adds the fake's globals to Window
  interface Window extends FakeTalkWindow {}
}

/**
 * The example apps under test. A framework app joins by adding its entry (the Vite `base` it is served under) and
 * depending on its package in apps/e2e/package.json, so turbo builds it first.
 */
export const EXAMPLE_APPS = [
  { name: "vanilla", path: "/vanilla/" },
  { name: "react", path: "/react/" },
  { name: "vue", path: "/vue/" },
  { name: "svelte", path: "/svelte/" },
] as const;

export type ExampleApp = (typeof EXAMPLE_APPS)[number];

export const TALK_CDN_URL = "https://cdn.talkjs.com/talk.js";

/** The fake's browser build, served in place of the CDN script so the real talkjs loader runs. */
export const fakeTalkScript = readFileSync(
  createRequire(import.meta.url).resolve("@x/session-testing/browser"),
  "utf8",
);

export async function serveFakeTalk(page: Page): Promise<void> {
  await page.route(TALK_CDN_URL, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: fakeTalkScript }),
  );
}

export const testId = (page: Page, id: string) => page.getByTestId(id);

/** Collects the page's uncaught errors and console errors from now on; a test expects the list to stay empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/** Opens the app, logs in as `userId` and waits until the session is ready. */
export async function loginAs(page: Page, app: ExampleApp, userId: string): Promise<void> {
  await page.goto(app.path);
  await testId(page, `login-user-${userId}`).click();
  await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
}

export function screenshotPath(app: ExampleApp, name: string): string {
  return new URL(`../screenshots/${app.name}-${name}.png`, import.meta.url).pathname;
}
