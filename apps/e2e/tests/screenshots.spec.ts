import { expect, test } from "@playwright/test";
import { collectPageErrors, EXAMPLE_APPS, loginAs, serveFakeTalk, TALK_CDN_URL, testId } from "./apps.js";

// Issue 21: the screenshots in docs/images come from here, so they show the apps as they are. Each run rewrites them.
const imagePath = (name: string) => new URL(`../../../docs/images/${name}.png`, import.meta.url).pathname;
const VIEWPORT = { width: 1280, height: 800 };

test.beforeEach(async ({ page }) => {
  await page.setViewportSize(VIEWPORT);
  await serveFakeTalk(page);
});

test("the landing page lists the four apps", async ({ page }) => {
  await page.goto("/");
  for (const app of EXAMPLE_APPS) await expect(page.locator(`a[href="${app.path}"]`).first()).toBeVisible();
  await page.screenshot({ path: imagePath("demo-landing"), fullPage: true });
});

for (const app of EXAMPLE_APPS)
  test.describe(`${app.name} app screenshots`, () => {
    let pageErrors: string[];
    test.beforeEach(({ page }) => {
      pageErrors = collectPageErrors(page);
    });

    test("ready, with messages in the feed, the Inbox and the Chatbox", async ({ page }) => {
      await loginAs(page, app, "alice");
      await page.request.post("/api/fake/poke", {
        data: { from: "carol", body: "I pushed the fix, can you check it?" },
      });
      await page.request.post("/api/fake/poke", {
        data: { from: "bob", body: "Hey! Do you have a minute to look at the new onboarding flow?" },
      });
      await expect(testId(page, "feed-item")).toHaveCount(2);
      await expect(testId(page, "chatbox").getByText("new onboarding flow")).toBeVisible();
      await page.screenshot({ path: imagePath(`demo-${app.name}`), fullPage: true });
      expect(pageErrors).toEqual([]);
    });

    test("in error: the cards point at Retry, and the Popup toggle is disabled", async ({ page }) => {
      await page.route(TALK_CDN_URL, (route) => route.abort("blockedbyclient")); // runs before the fake's route
      await page.goto(app.path);
      await testId(page, "login-user-alice").click();
      await expect(testId(page, "error-code")).toHaveText("sdk-load-failed");
      await expect(testId(page, "retry")).toBeEnabled();
      await expect(testId(page, "error-advice")).not.toContainText(/reload/i);
      for (const hint of ["inbox-loading", "chatbox-loading"]) {
        await expect(testId(page, hint)).toContainText("Retry");
        await expect(testId(page, hint)).not.toContainText("appears when the session is ready");
      }
      await expect(testId(page, "popup-toggle")).toBeDisabled();
      await page.screenshot({ path: imagePath(`demo-${app.name}-error`), fullPage: true });
    });
  });
