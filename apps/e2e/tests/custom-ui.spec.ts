import { expect, test, type Page } from "@playwright/test";
import type { FakeCore } from "@x/session-testing";
import { CHAT_LINES } from "../../server/src/chatLines.js";
import { collectPageErrors, EXAMPLE_APPS, serveFakeTalk, testId } from "./apps.js";

// Issue 20: each app's "Custom UI" tab is drawn from the data layer (@x/session-core/data) only, on the @talkjs/core
// fake the demo server seeds and feeds (/fake/core.js, /api/fake/world, event: data).

declare global {
  interface Window {
    TalkCoreDemo?: FakeCore;
  }
}

const imagePath = (name: string) => new URL(`../../../docs/images/${name}.png`, import.meta.url).pathname;

/** Logs in at `path`, opens the Custom UI tab and waits until the conversation with Bob shows its first page. */
async function openCustomUi(page: Page, { path }: { path: string }, userId = "alice"): Promise<void> {
  await page.goto(path);
  await testId(page, `login-user-${userId}`).click();
  await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
  await testId(page, "tab-custom").click();
  await expect(testId(page, "custom-ui")).toBeVisible();
  await expect(testId(page, "message-list").getByTestId("message").first()).toBeVisible();
}

const messages = (page: Page) => testId(page, "message-list").getByTestId("message");
const messageWith = (page: Page, text: string) => messages(page).filter({ hasText: text });
/** The longest line the simulated users write, and a pasted link with no place to break. */
const LONGEST_LINE = Object.values(CHAT_LINES)
  .flat()
  .reduce((longest, line) => (line.length > longest.length ? line : longest), "");
const UNBREAKABLE_LINE = `https://example.com/${"a-very-long-path-segment-".repeat(6)}end`;

const unique = (text: string) => `${text} ${Math.random().toString(36).slice(2, 8)}`;

async function send(page: Page, text: string): Promise<void> {
  await testId(page, "composer-input").fill(text);
  await testId(page, "composer-send").click();
}

for (const app of EXAMPLE_APPS)
  test.describe(`${app.name} app: custom UI`, () => {
    let pageErrors: string[];
    test.beforeEach(async ({ page }) => {
      pageErrors = collectPageErrors(page);
      await serveFakeTalk(page);
    });
    test.afterEach(() => {
      expect(pageErrors).toEqual([]);
    });

    test("lists conversations with unread badges, presence dots and typing, as the simulated backend sets them", async ({
      page,
    }) => {
      await openCustomUi(page, app);
      // The open conversation counts as read, also when a message arrives in it.
      const withBob = testId(page, "conversation-alice-bob");
      await expect(withBob).toHaveAttribute("aria-current", "true");
      await page.request.post("/api/fake/poke", { data: { from: "bob", body: unique("Read at once") } });
      await expect(withBob.getByTestId("conversation-unread")).toHaveAttribute("data-count", "0");
      const withCarol = testId(page, "conversation-alice-carol");
      const unread = unique("Unread, in the custom UI");
      await page.request.post("/api/fake/poke", { data: { from: "carol", body: unread } });
      await expect(withCarol).toContainText(unread);
      await expect(withCarol.getByTestId("conversation-unread")).not.toHaveAttribute("data-count", "0");

      for (const online of [false, true]) {
        await page.request.post("/api/fake/presence", { data: { userId: "carol", online } });
        await expect(withCarol.getByTestId("presence-carol")).toHaveAttribute("data-online", String(online));
      }
      await page.request.post("/api/fake/typing", { data: { from: "bob", typing: true } });
      await expect(testId(page, "typing-indicator")).toHaveText("Bob Okafor is typing…");
      await page.screenshot({ path: imagePath(`demo-${app.name}-custom`), fullPage: true });
      await page.request.post("/api/fake/typing", { data: { from: "bob", typing: false } });
      await expect(testId(page, "typing-indicator")).toHaveText("");

      // Opening the conversation reads it.
      await withCarol.click();
      await expect(withCarol).toHaveAttribute("aria-current", "true");
      await expect(messageWith(page, unread)).toBeVisible();
      await expect(withCarol.getByTestId("conversation-unread")).toHaveAttribute("data-count", "0");
    });

    test("loads older messages when the list is scrolled to the top, keeping the place, until the beginning", async ({
      page,
    }) => {
      await openCustomUi(page, app);
      const list = testId(page, "message-list");
      const first = await messages(page).count();
      expect(first).toBeGreaterThanOrEqual(30);
      // The conversation grows as the other tests write to it: load until its beginning (a page is 30 messages).
      for (let load = 0; load < 30; load += 1) {
        const before = await messages(page).count();
        if (await testId(page, "messages-top").getByText("beginning").isVisible()) break;
        await list.evaluate((element) => element.scrollTo({ top: 0 }));
        await expect.poll(() => messages(page).count()).toBeGreaterThan(before);
        // The message that was at the top is still in view: older ones came in above it.
        const kept = messages(page).nth((await messages(page).count()) - before);
        expect(await list.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
        await expect(kept).toBeInViewport();
      }
      await expect(testId(page, "messages-top")).toContainText("beginning of the conversation");
      expect(await messages(page).count()).toBeGreaterThanOrEqual(120);
    });

    test("sends optimistically, keeps a send through a dropped connection, and retries a failed one", async ({
      page,
    }) => {
      await openCustomUi(page, app);
      await page.evaluate(() => (window.TalkCoreDemo!.latencyMs = 600));
      const first = unique("Shown at once");
      await send(page, first);
      await expect(messageWith(page, first)).toHaveAttribute("data-status", "sending");
      await expect(messageWith(page, first)).toHaveAttribute("data-status", "sent");

      await page.evaluate(() => window.TalkCoreDemo!.disconnect());
      const offline = unique("Sent while offline");
      await send(page, offline);
      await page.waitForTimeout(1_500);
      await expect(messageWith(page, offline)).toHaveAttribute("data-status", "sending");
      await page.evaluate(() => window.TalkCoreDemo!.reconnect());
      await expect(messageWith(page, offline)).toHaveAttribute("data-status", "sent", { timeout: 8_000 });

      await page.evaluate(() => window.TalkCoreDemo!.failNextSend(new Error("The fake refused this send")));
      const failing = unique("Fails once");
      await send(page, failing);
      await expect(messageWith(page, failing)).toHaveAttribute("data-status", "failed");
      await messageWith(page, failing).getByTestId("resend").click();
      await expect(messageWith(page, failing)).toHaveAttribute("data-status", "sent");
      await expect(messageWith(page, failing)).toHaveCount(1);
    });

    test("two tabs of one login see each other's messages, and the other participant's answer", async ({
      context,
      page: tabA,
    }) => {
      const tabB = await context.newPage();
      await serveFakeTalk(tabB);
      const tabBErrors = collectPageErrors(tabB);
      await openCustomUi(tabA, app);
      await tabB.goto(app.path);
      await testId(tabB, "tab-custom").click();
      await expect(messages(tabB).first()).toBeVisible();

      const fromA = unique("From tab A");
      await send(tabA, fromA);
      await expect(messageWith(tabB, fromA)).toHaveAttribute("data-mine", "true");
      const fromB = unique("From tab B");
      await send(tabB, fromB);
      await expect(messageWith(tabA, fromB)).toHaveAttribute("data-status", "sent");
      // Bob's simulated self answers both; each tab shows every message once.
      await expect(messages(tabA).filter({ hasText: fromA })).toHaveCount(1);
      await expect(messages(tabB).filter({ hasText: fromB })).toHaveCount(1);
      await expect(messages(tabA).last()).toHaveAttribute("data-mine", "false");
      expect(tabBErrors).toEqual([]);
    });
    test("follows a user switch with one TalkJS session, for the new user's conversations", async ({ page }) => {
      await openCustomUi(page, app);
      await testId(page, "switch-user-bob").click();
      await expect(testId(page, "current-user")).toContainText("Bob");
      await expect(testId(page, "conversation-bob-carol")).toBeVisible();
      await expect(testId(page, "conversation-alice-carol")).toHaveCount(0);
      await expect(testId(page, "conversation-alice-bob")).toHaveAttribute("aria-current", "true");
      const text = unique("Bob writes from the custom UI");
      await send(page, text);
      await expect(messageWith(page, text)).toHaveAttribute("data-status", "sent");
      await expect(messageWith(page, text)).toHaveAttribute("data-mine", "true");
      expect(
        await page.evaluate(() => window.TalkCoreDemo!.liveSessions().map((session) => session.options.userId)),
      ).toEqual(["bob"]);
    });

    test("never scrolls sideways at 360, 390 and 768 px with long lines, and keeps Send reachable", async ({
      page,
    }) => {
      await page.setViewportSize({ width: 360, height: 780 });
      await openCustomUi(page, app);
      await page.request.post("/api/fake/poke", { data: { from: "bob", body: UNBREAKABLE_LINE } });
      await page.request.post("/api/fake/poke", { data: { from: "bob", body: LONGEST_LINE } });
      await expect(messageWith(page, LONGEST_LINE).last()).toBeVisible();
      for (const width of [360, 390, 768]) {
        await page.setViewportSize({ width, height: 780 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `overflow at ${width} px`).toBeLessThanOrEqual(0);
        await testId(page, "composer-send").click({ trial: true });
      }
    });
    test("shows TalkJS ending the session, and Retry starts a new one that sends again", async ({ page }) => {
      await openCustomUi(page, app);
      await expect(testId(page, "custom-error")).toBeHidden();
      await page.evaluate(() => window.TalkCoreDemo!.terminate(undefined, new Error("Ended by the fake server")));
      await expect(testId(page, "custom-error-code")).toHaveText("session-terminated");
      await testId(page, "custom-retry").click();
      await expect(testId(page, "custom-error")).toBeHidden();
      const text = unique("Sent on the new session");
      await send(page, text);
      await expect(messageWith(page, text)).toHaveAttribute("data-status", "sent");
      expect(await page.evaluate(() => window.TalkCoreDemo!.liveSessions().length)).toBe(1);
    });
  });

test.describe("react app's custom UI in React's development build (StrictMode)", () => {
  test("opens one TalkJS data session, follows a user switch with one, and ends it on logout", async ({ page }) => {
    const pageErrors = collectPageErrors(page);
    await serveFakeTalk(page);
    await openCustomUi(page, { path: "/react/dev/" });
    expect(await page.evaluate(() => document.documentElement.dataset.reactMode)).toBe("development");
    const sessions = () =>
      page.evaluate(() => ({
        created: window.TalkCoreDemo!.sessions.length,
        peak: window.TalkCoreDemo!.peakLiveSessions(),
        live: window.TalkCoreDemo!.liveSessions().map((session) => session.options.userId),
      }));
    expect(await sessions()).toEqual({ created: 1, peak: 1, live: ["alice"] });
    await testId(page, "switch-user-bob").click();
    await expect(testId(page, "conversation-bob-carol")).toBeVisible();
    expect(await sessions()).toEqual({ created: 2, peak: 1, live: ["bob"] });
    await testId(page, "logout").click();
    await expect(testId(page, "login")).toBeVisible();
    await expect.poll(async () => (await sessions()).live).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
