import { expect, test, type Locator, type Page } from "@playwright/test";
import { CHAT_LINES } from "../../server/src/chatLines.js";
import { collectPageErrors, EXAMPLE_APPS, loginAs, serveFakeTalk, testId } from "./apps.js";

// Issue 21: the demo fits any screen from 360 px up, whatever the messages, and nothing the user must reach sits under
// the Popup or its launcher.

/** The longest line the simulated users ever write, and a line with no place to break (a pasted link). */
const LONGEST_LINE = Object.values(CHAT_LINES)
  .flat()
  .reduce((longest, line) => (line.length > longest.length ? line : longest), "");
const UNBREAKABLE_LINE = `https://example.com/${"a-very-long-path-segment-".repeat(6)}end`;

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Whether a click at the element's centre lands on it (after Playwright scrolled it where nothing covers it). */
async function expectReachable(locator: Locator): Promise<void> {
  await locator.click({ trial: true, timeout: 3_000 }); // fails when another element would receive the click
  const hit = await locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && element.contains(top);
  });
  expect(hit, `${locator.toString()} is covered at its centre`).toBe(true);
}

/** Whether the element's box and the open Popup's (panel and launcher) share no column: no scroll can bring them together. */
async function expectBesidePopup(locator: Locator, popup: Locator): Promise<void> {
  const element = await locator.boundingBox();
  const frame = await popup.boundingBox();
  expect(element && frame, "both are on screen").toBeTruthy();
  expect(element!.x + element!.width, `${locator.toString()} reaches under the Popup`).toBeLessThanOrEqual(frame!.x);
}

/** Logs in as Alice and waits until Bob's and Carol's lines are in the feed, the Inbox and the Chatbox. */
async function loginWithLongLines(page: Page, app: (typeof EXAMPLE_APPS)[number]): Promise<void> {
  await loginAs(page, app, "alice");
  await page.request.post("/api/fake/poke", { data: { from: "carol", body: UNBREAKABLE_LINE } });
  await page.request.post("/api/fake/poke", { data: { from: "bob", body: LONGEST_LINE } });
  await expect(testId(page, "feed-item")).toHaveCount(2);
  await expect(testId(page, "chatbox").getByText(LONGEST_LINE)).toBeVisible();
}

for (const app of EXAMPLE_APPS)
  test.describe(`${app.name} app: layout`, () => {
    let pageErrors: string[];
    test.beforeEach(async ({ page }) => {
      pageErrors = collectPageErrors(page);
      await serveFakeTalk(page);
    });
    test.afterEach(() => {
      expect(pageErrors).toEqual([]);
    });

    test("never scrolls sideways at 360, 390 and 768 px once the longest lines arrived, with the Popup open or not", async ({
      page,
    }) => {
      await page.setViewportSize({ width: 360, height: 780 });
      await loginWithLongLines(page, app);
      for (const popup of ["closed", "open"]) {
        if (popup === "open") {
          await testId(page, "popup-toggle").click();
          await expect(page.locator('[data-talkjs-fake="popup"]')).toHaveAttribute("data-shown", "true");
        }
        for (const width of [360, 390, 768]) {
          await page.setViewportSize({ width, height: 780 });
          expect(await horizontalOverflow(page), `overflow at ${width} px, Popup ${popup}`).toBeLessThanOrEqual(0);
        }
      }
    });

    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ])
      test(`keeps both Send buttons and the Popup toggle reachable with the Popup open at ${viewport.width} px`, async ({
        page,
      }) => {
        await page.setViewportSize(viewport);
        await loginWithLongLines(page, app);
        await testId(page, "popup-toggle").click();
        const popup = page.locator('[data-talkjs-fake="popup"]');
        await expect(popup).toHaveAttribute("data-shown", "true");
        await expect(popup.getByRole("button", { name: "Send" })).toBeVisible();

        const controls = [
          testId(page, "inbox").getByRole("button", { name: "Send" }),
          testId(page, "chatbox").getByRole("button", { name: "Send" }),
          testId(page, "popup-toggle"),
        ];
        for (const control of controls) {
          await expectReachable(control);
          // Wide enough, the page keeps a column free for the Popup, so it covers nothing at any scroll position.
          if (viewport.width >= 1024) await expectBesidePopup(control, popup);
        }
        await expectReachable(popup.getByRole("button", { name: "Send" }));
        // The toggle still closes the Popup it opened.
        await testId(page, "popup-toggle").click();
        await expect(popup).toHaveAttribute("data-shown", "false");
      });
  });
