import { expect, test } from "@playwright/test";
import { EXAMPLE_APPS, TALK_CDN_URL, loginAs, screenshotPath, serveFakeTalk, testId } from "./apps.js";

for (const app of EXAMPLE_APPS) {
  test.describe(`${app.name} app`, () => {
    test.beforeEach(async ({ page }) => {
      await serveFakeTalk(page);
    });

    test("logs in and reaches ready with one authenticated session and the fake Inbox", async ({ page }) => {
      await page.goto(app.path);
      await expect(testId(page, "login")).toBeVisible();
      await page.screenshot({ path: screenshotPath(app, "login"), fullPage: true });
      await testId(page, "login-user-alice").click();
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(page, "current-user")).toContainText("Alice");
      await expect(testId(page, "inbox").getByLabel("TalkJS fake — offline demo")).toBeVisible();
      await expect(testId(page, "unread-badge")).toHaveText("0");
      // The fake verifies the JWT with the demo server: a round trip that may end after "ready".
      await expect
        .poll(() =>
          page.evaluate(() =>
            window.TalkFake!.sessions.map((session) => ({ user: session.me.id, authenticated: session.authenticated })),
          ),
        )
        .toEqual([{ user: "alice", authenticated: true }]);
      await page.screenshot({ path: screenshotPath(app, "ready"), fullPage: true });
    });

    test("counts a message in a conversation not on screen, keeps one on screen read, and opening it marks it read", async ({
      page,
    }) => {
      const unreadIds = () =>
        page.evaluate(() =>
          window.TalkFake!.liveSessions()[0]!.unreadConversations.map((entry) => entry.conversation.id),
        );
      await loginAs(page, app, "alice");
      const inbox = testId(page, "inbox");
      const inboxItem = (conversationId: string) => inbox.locator(`[data-conversation-id="${conversationId}"]`);
      // Alice's Chatbox shows her conversation with Bob (her first chat partner), so his message is read at once.
      await page.request.post("/api/fake/poke", { data: { from: "bob", body: "Hello from the e2e test" } });
      await expect(testId(page, "feed-item").first()).toContainText("Hello from the e2e test");
      await expect(testId(page, "feed-item").first()).toContainText("Bob");
      await expect(inboxItem("alice-bob")).toContainText("Hello from the e2e test");
      await expect(testId(page, "unread-badge")).toHaveText("0");
      expect(await unreadIds()).toEqual([]);

      // Pinned on Bob's conversation, the Inbox no longer follows the latest one: Carol's is on no box.
      await inboxItem("alice-bob").click();
      await expect(inboxItem("alice-bob")).toHaveAttribute("aria-current", "true");
      await page.request.post("/api/fake/poke", { data: { from: "carol", body: "And one from Carol" } });
      await expect(testId(page, "feed-item").first()).toContainText("And one from Carol");
      await expect(testId(page, "unread-badge")).toHaveText("1");
      expect(await unreadIds()).toEqual(["alice-carol"]);
      await expect(inboxItem("alice-carol")).toContainText("And one from Carol");
      await expect(inboxItem("alice-bob")).toHaveAttribute("aria-current", "true");
      // Bob again, on screen twice (Chatbox and Inbox): still only Carol's conversation counts.
      await page.request.post("/api/fake/poke", { data: { from: "bob", body: "Bob, still on screen" } });
      await expect(testId(page, "feed-item").first()).toContainText("Bob, still on screen");
      await expect(testId(page, "unread-badge")).toHaveText("1");
      expect(await unreadIds()).toEqual(["alice-carol"]);
      await page.screenshot({ path: screenshotPath(app, "messages"), fullPage: true });

      // Opening Carol's conversation in the Inbox marks it read; her answer to a reply there arrives read.
      await inboxItem("alice-carol").click();
      await expect(testId(page, "unread-badge")).toHaveText("0");
      await expect(inbox.getByRole("list", { name: "Messages" })).toContainText("And one from Carol");
      await inbox.getByRole("textbox", { name: "Reply" }).fill("Thanks Carol!");
      await inbox.getByRole("button", { name: "Send" }).click();
      await expect(testId(page, "feed-item").first()).toContainText("You");
      await expect(testId(page, "feed-item").first()).toContainText("Carol", { timeout: 5_000 }); // her answer
      await expect(testId(page, "unread-badge")).toHaveText("0");
      expect(await unreadIds()).toEqual([]);
      await page.screenshot({ path: screenshotPath(app, "reply"), fullPage: true });
    });

    test("refreshes the token against the endpoint, verified by the fake, without a new session", async ({ page }) => {
      const tokenResponses: number[] = [];
      let verifications = 0;
      page.on("response", (response) => {
        if (response.url().endsWith("/api/talk-token")) tokenResponses.push(response.status());
        if (response.url().endsWith("/api/fake/verify")) verifications += 1;
      });
      await loginAs(page, app, "alice");
      await expect.poll(() => tokenResponses.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      expect(tokenResponses.every((status) => status === 200)).toBe(true);
      await expect
        .poll(() => page.evaluate(() => window.TalkFake!.sessions[0]!.tokens.length))
        .toBeGreaterThanOrEqual(2);
      await expect
        .poll(() =>
          page.evaluate(() => ({
            sessions: window.TalkFake!.sessions.length,
            authenticated: window.TalkFake!.sessions[0]!.authenticated,
          })),
        )
        .toEqual({ sessions: 1, authenticated: true });
      expect(verifications).toBeGreaterThanOrEqual(2);
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(page, "token-info")).toContainText("#2");
    });

    test("switches user: the old session is destroyed and one live session remains", async ({ page }) => {
      await loginAs(page, app, "alice");
      await testId(page, "switch-user-bob").click();
      await expect(testId(page, "current-user")).toContainText("Bob");
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect
        .poll(() => page.evaluate(() => window.TalkFake!.liveSessions().map((session) => session.me.id)))
        .toEqual(["bob"]);
      expect(await page.evaluate(() => window.TalkFake!.sessions.length)).toBe(2);
      await expect.poll(() => page.evaluate(() => window.TalkFake!.liveSessions()[0]!.authenticated)).toBe(true);
      await page.request.post("/api/fake/poke", { data: { from: "alice", body: "Hi Bob" } });
      await expect(testId(page, "feed-item").first()).toContainText("Hi Bob");
    });

    test("turns desktop notifications on and off without a new session", async ({ page }) => {
      await loginAs(page, app, "alice");
      await testId(page, "notifications-toggle").check();
      await expect
        .poll(() => page.evaluate(() => window.TalkFake!.liveSessions()[0]!.desktopNotificationsEnabled))
        .toBe(true);
      await testId(page, "notifications-toggle").uncheck();
      await expect
        .poll(() => page.evaluate(() => window.TalkFake!.liveSessions()[0]!.desktopNotificationsEnabled))
        .toBe(false);
      expect(await page.evaluate(() => window.TalkFake!.sessions.length)).toBe(1);
    });

    test("logout destroys the session and shows the login again", async ({ page }) => {
      await loginAs(page, app, "carol");
      await testId(page, "logout").click();
      await expect(testId(page, "login")).toBeVisible();
      expect(await page.evaluate(() => window.TalkFake!.liveSessions().length)).toBe(0);
      expect(await page.evaluate(() => window.TalkFake!.subscriptionCount())).toBe(0);
      expect((await (await page.request.get("/api/me")).json()) as unknown).toEqual({ user: null });
    });

    test("shows a message and keeps the session when switching user fails", async ({ page }) => {
      const pageErrors: Error[] = [];
      page.on("pageerror", (error) => pageErrors.push(error));
      await loginAs(page, app, "alice");
      const failLogin = (route: import("@playwright/test").Route) =>
        route.fulfill({ status: 500, json: { error: "The login service is down." } });
      await page.route("**/api/login", failLogin);
      await testId(page, "switch-user-bob").click();
      await expect(testId(page, "notice")).toBeVisible();
      await expect(testId(page, "notice")).toContainText("Could not switch user: The login service is down.");
      await expect(testId(page, "current-user")).toContainText("Alice");
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(page, "switch-user-bob")).toBeEnabled();
      await expect(testId(page, "logout")).toBeEnabled();
      expect(await page.evaluate(() => window.TalkFake!.liveSessions().map((session) => session.me.id))).toEqual([
        "alice",
      ]);
      expect(await page.evaluate(() => window.TalkFake!.sessions.length)).toBe(1);
      await page.screenshot({ path: screenshotPath(app, "switch-failed"), fullPage: true });

      await page.unroute("**/api/login", failLogin);
      await testId(page, "switch-user-bob").click();
      await expect(testId(page, "current-user")).toContainText("Bob");
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(page, "notice")).toBeHidden();
      expect(pageErrors).toEqual([]);
    });

    test("shows a message on the login screen when logging in fails, and the buttons work again", async ({ page }) => {
      const pageErrors: Error[] = [];
      page.on("pageerror", (error) => pageErrors.push(error));
      const failLogin = (route: import("@playwright/test").Route) => route.fulfill({ status: 500 });
      await page.route("**/api/login", failLogin);
      await page.goto(app.path);
      await testId(page, "login-user-alice").click();
      await expect(testId(page, "login-failure")).toBeVisible();
      await expect(testId(page, "login-failure")).toContainText("Could not log in: /api/login answered 500.");
      await expect(testId(page, "login")).toBeVisible();
      await expect(testId(page, "login-user-alice")).toBeEnabled();
      expect(await page.evaluate(() => window.TalkFake?.sessions.length ?? 0)).toBe(0);

      await page.unroute("**/api/login", failLogin);
      await testId(page, "login-user-alice").click();
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(page, "current-user")).toContainText("Alice");
      expect(pageErrors).toEqual([]);
    });

    test("shows a message and stays logged in when logout fails", async ({ page }) => {
      const pageErrors: Error[] = [];
      page.on("pageerror", (error) => pageErrors.push(error));
      await loginAs(page, app, "carol");
      await page.route("**/api/logout", (route) => route.fulfill({ status: 500 }));
      await testId(page, "logout").click();
      await expect(testId(page, "notice")).toContainText("Could not log out: /api/logout answered 500.");
      await expect(testId(page, "current-user")).toContainText("Carol");
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(page, "logout")).toBeEnabled();
      // The session was destroyed before the request, as on every logout; the app connects Carol again.
      await expect
        .poll(() => page.evaluate(() => window.TalkFake!.liveSessions().map((session) => session.me.id)))
        .toEqual(["carol"]);
      expect((await (await page.request.get("/api/me")).json()) as { user: { id: string } }).toMatchObject({
        user: { id: "carol" },
      });
      expect(pageErrors).toEqual([]);
    });

    test("shows sdk-load-failed within 2 s when the CDN is blocked, and Retry recovers once it is back", async ({
      page,
    }) => {
      const block = (route: import("@playwright/test").Route) => route.abort("blockedbyclient");
      await page.route(TALK_CDN_URL, block); // registered last, so it runs before the fake's route
      await page.goto(app.path);
      const clickedAt = Date.now();
      await testId(page, "login-user-alice").click();
      await expect(testId(page, "error-code")).toHaveText("sdk-load-failed", { timeout: 2_000 });
      expect(Date.now() - clickedAt).toBeLessThan(2_000);
      await expect(testId(page, "error-panel")).toBeVisible();
      // These tests block service workers, as a browser may: the panel names that cause, not only the console.
      await expect(testId(page, "error-advice")).toContainText("service worker");
      // No session, so no unread count and no notifications to turn on.
      await expect(testId(page, "unreads")).toBeHidden();
      await expect(testId(page, "notifications-toggle")).toBeDisabled();
      await page.screenshot({ path: screenshotPath(app, "cdn-blocked"), fullPage: true });

      await page.unroute(TALK_CDN_URL, block);
      await testId(page, "retry").click();
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect(testId(page, "error-panel")).toBeHidden();
      await expect(testId(page, "unreads")).toBeVisible();
      await expect(testId(page, "notifications-toggle")).toBeEnabled();
      expect(await page.evaluate(() => window.TalkFake!.liveSessions().length)).toBe(1);
    });
  });
}
