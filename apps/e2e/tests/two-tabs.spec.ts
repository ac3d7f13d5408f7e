import { expect, test, type Page } from "@playwright/test";
import { EXAMPLE_APPS, loginAs, screenshotPath, serveFakeTalk, testId } from "./apps.js";

/** The users of the page's live Talk.Sessions, and whether each is authenticated. */
const liveSessions = (page: Page) =>
  page.evaluate(() =>
    window.TalkFake!.liveSessions().map((session) => ({ user: session.me.id, authenticated: session.authenticated })),
  );

for (const app of EXAMPLE_APPS) {
  test.describe(`${app.name} app in two tabs`, () => {
    test("a tab follows the user switch and the logout made in another tab of the same browser", async ({
      context,
      page: tabA,
    }) => {
      const pageErrors: string[] = [];
      const tokenStatuses: number[] = [];
      const tabB = await context.newPage();
      for (const [name, tab] of [
        ["A", tabA],
        ["B", tabB],
      ] as const) {
        await serveFakeTalk(tab);
        tab.on("pageerror", (error) => pageErrors.push(`tab ${name}: ${error.message}`));
      }
      tabA.on("response", (response) => {
        if (response.url().endsWith("/api/talk-token")) tokenStatuses.push(response.status());
      });

      await loginAs(tabA, app, "alice");
      await tabB.goto(app.path); // the same cookie: tab B opens logged in as Alice
      await expect(testId(tabB, "current-user")).toContainText("Alice");
      await expect(testId(tabB, "session-status")).toHaveAttribute("data-status", "ready");

      // Tab B switches to Bob: tab A follows, says so, and talks to the server as Bob.
      const tokensBeforeSwitch = tokenStatuses.length;
      await testId(tabB, "switch-user-bob").click();
      await expect(testId(tabA, "current-user")).toContainText("Bob");
      await expect(testId(tabA, "notice")).toContainText("Signed in as Bob Okafor in another tab.");
      await expect(testId(tabA, "session-status")).toHaveAttribute("data-status", "ready");
      await expect.poll(() => liveSessions(tabA)).toEqual([{ user: "bob", authenticated: true }]);
      await tabA.request.post("/api/fake/poke", { data: { from: "carol", body: "For Bob, in every tab" } });
      await expect(testId(tabA, "feed-item").first()).toContainText("For Bob, in every tab");
      await expect(testId(tabB, "feed-item").first()).toContainText("For Bob, in every tab");
      expect(
        await tabA.evaluate(() =>
          window.TalkFake!.liveSessions()[0]!.receivedMessages.map((message) => message.conversation.id),
        ),
      ).toEqual(["bob-carol"]);
      // Bob's token, then its refresh (15 s tokens, refreshed 10 s before they expire): every request signed.
      await expect.poll(() => tokenStatuses.length - tokensBeforeSwitch, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      expect(tokenStatuses.filter((status) => status !== 200)).toEqual([]);
      await expect(testId(tabA, "error-panel")).toBeHidden();
      await expect(testId(tabA, "session-status")).toHaveAttribute("data-status", "ready");
      await tabA.screenshot({ path: screenshotPath(app, "two-tabs-switched"), fullPage: true });

      // Tab B logs out: tab A shows the login screen, says why, and keeps no session.
      await testId(tabB, "logout").click();
      await expect(testId(tabA, "login")).toBeVisible();
      await expect(testId(tabA, "login-notice")).toContainText("Signed out in another tab.");
      expect(await liveSessions(tabA)).toEqual([]);
      await tabA.screenshot({ path: screenshotPath(app, "two-tabs-logged-out"), fullPage: true });

      // Logging in again in tab B brings tab A along too.
      await testId(tabB, "login-user-carol").click();
      await expect(testId(tabA, "current-user")).toContainText("Carol");
      await expect(testId(tabA, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(tabA, "notice")).toContainText("Signed in as Carol Díaz in another tab.");
      await expect(testId(tabA, "login-notice")).toBeHidden();

      expect(pageErrors).toEqual([]);
    });
  });
}
