import { expect, test, type Page } from "@playwright/test";
import { serveFakeTalk, testId } from "./apps.js";

// The React app's development build (`vite build --mode development` → apps/react/dist/dev/). Only React's development
// build makes <StrictMode> mount, unmount and remount every component and run every effect twice; the other specs run
// the production build, where it does neither.
const REACT_DEVELOPMENT = "/react/dev/";
const REACT_PRODUCTION = "/react/";

/** How the page's React renders: the mode main.tsx reports, and what React itself shows on the login screen's fiber. */
function reactBuild(page: Page) {
  return page.evaluate(() => {
    const login = document.querySelector('[data-testid="login"]');
    const fiberKey = login === null ? undefined : Object.keys(login).find((key) => key.startsWith("__reactFiber$"));
    type Fiber = { _debugOwner?: unknown; elementType?: unknown; return: Fiber | null };
    let fiber = fiberKey === undefined ? null : ((login as unknown as Record<string, Fiber>)[fiberKey] ?? null);
    // Only React's development build gives a fiber `_debugOwner`.
    const debugFibers = fiber !== null && "_debugOwner" in fiber;
    let strictMode = false;
    for (; fiber !== null; fiber = fiber.return) strictMode ||= fiber.elementType === Symbol.for("react.strict_mode");
    return { mode: document.documentElement.dataset.reactMode, debugFibers, strictMode };
  });
}

const sessionCounts = (page: Page) =>
  page.evaluate(() => ({
    constructed: window.TalkFake!.sessions.length,
    live: window.TalkFake!.liveSessions().map((session) => session.me.id),
  }));

test.describe("react app in React's development build", () => {
  test.beforeEach(async ({ page }) => {
    await serveFakeTalk(page);
  });

  test("runs React's development build inside StrictMode, where /react/ runs the production build", async ({
    page,
  }) => {
    await page.goto(REACT_DEVELOPMENT);
    await expect(testId(page, "login")).toBeVisible();
    expect(await reactBuild(page)).toEqual({ mode: "development", debugFibers: true, strictMode: true });

    // The same <StrictMode>, but React's production build: no debug fibers, and effects run once.
    await page.goto(REACT_PRODUCTION);
    await expect(testId(page, "login")).toBeVisible();
    expect(await reactBuild(page)).toEqual({ mode: "production", debugFibers: false, strictMode: true });
  });

  test("StrictMode gives one Talk.Session per user: one at login, one more on a switch, none live after logout", async ({
    page,
  }) => {
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(REACT_DEVELOPMENT);
    await expect(page.locator("html")).toHaveAttribute("data-react-mode", "development");

    await testId(page, "login-user-alice").click();
    await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
    // The JWT check is a server round trip after "ready": time for a session the double mount leaked to show up.
    await expect.poll(() => page.evaluate(() => window.TalkFake!.liveSessions()[0]?.authenticated)).toBe(true);
    expect(await sessionCounts(page)).toEqual({ constructed: 1, live: ["alice"] });
    await expect(testId(page, "inbox").getByLabel("TalkJS fake — offline demo")).toBeVisible();
    // One Inbox on the one session (the Inbox effect's StrictMode double run happens while there is no session yet).
    expect(await page.evaluate(() => window.TalkFake!.liveSessions()[0]!.getInboxes().length)).toBe(1);

    await testId(page, "switch-user-bob").click();
    await expect(testId(page, "current-user")).toContainText("Bob");
    await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
    await expect.poll(() => page.evaluate(() => window.TalkFake!.liveSessions()[0]?.authenticated)).toBe(true);
    expect(await sessionCounts(page)).toEqual({ constructed: 2, live: ["bob"] });

    await testId(page, "logout").click();
    await expect(testId(page, "login")).toBeVisible();
    expect(await sessionCounts(page)).toEqual({ constructed: 2, live: [] });
    expect(await page.evaluate(() => window.TalkFake!.subscriptionCount())).toBe(0);

    // React's development build reports misuse (state updates while rendering, missing keys, ...) as console errors.
    expect(consoleErrors).toEqual([]);
  });
});
