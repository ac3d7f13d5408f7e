import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors, EXAMPLE_APPS, loginAs, screenshotPath, serveFakeTalk, testId } from "./apps.js";

// Issue 12 in the React app: <Chatbox>, <Inbox> and <Popup> (@x/session-react) in Chromium, on the fake served as
// the CDN script, with the vanilla app's data-testids (`chatbox`, `chat-with-<id>`, `popup-toggle`, `*-loading`).
const app = EXAMPLE_APPS.find((each) => each.name === "react")!;

/** Every box the page's SDK ever created, oldest first. */
const boxes = (page: Page) =>
  page.evaluate(() =>
    window.TalkFake!.boxes.map((box) => ({
      kind: box.kind,
      alive: box.isAlive,
      user: box.session.me.id,
      conversation: box.conversationId,
    })),
  );
const liveBoxes = async (page: Page) => (await boxes(page)).filter((box) => box.alive);
const chatboxConversation = (page: Page) => testId(page, "chatbox").locator("[data-conversation]");

test.describe("react app: Chatbox, Inbox and Popup", () => {
  let pageErrors: string[];

  test.beforeEach(async ({ page }) => {
    pageErrors = collectPageErrors(page);
    await serveFakeTalk(page);
  });

  test.afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  test("shows the picked conversation in the same Chatbox: a select(), no new box", async ({ page }) => {
    await loginAs(page, app, "alice");
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-bob");
    await expect(testId(page, "chat-with-bob")).toHaveAttribute("aria-pressed", "true");
    await expect(testId(page, "chatbox-loading")).toBeHidden();
    await expect(testId(page, "inbox-loading")).toBeHidden();

    const element = await testId(page, "chatbox").locator("[data-conversation]").elementHandle();
    await testId(page, "chat-with-carol").click();
    await expect(testId(page, "chat-with-carol")).toHaveAttribute("aria-pressed", "true");
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-carol");
    await testId(page, "chat-with-bob").click();
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-bob");

    // The same drawing, updated in place, and one Chatbox that was asked to select three times.
    expect(await element.evaluate((node) => node.isConnected)).toBe(true);
    const chatboxes = (await boxes(page)).filter((box) => box.kind === "chatbox");
    expect(chatboxes).toEqual([{ kind: "chatbox", alive: true, user: "alice", conversation: "alice-bob" }]);
    expect(
      await page.evaluate(() => window.TalkFake!.boxes.find((box) => box.kind === "chatbox")!.callCount("select")),
    ).toBe(3);
    await page.screenshot({ path: screenshotPath(app, "boxes"), fullPage: true });
  });

  test("carries the boxes over a user switch: the old ones die with the old session, same element and conversation", async ({
    page,
  }) => {
    await loginAs(page, app, "alice");
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-bob");
    await expect(testId(page, "inbox").getByLabel("TalkJS fake — offline demo")).toBeVisible();
    const chatboxElement = await testId(page, "chatbox").elementHandle();

    await testId(page, "switch-user-bob").click();
    await expect(testId(page, "current-user")).toContainText("Bob");
    await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-bob");
    await expect(chatboxConversation(page)).toContainText("Bob");

    await expect.poll(() => liveBoxes(page)).toHaveLength(3);
    const all = await boxes(page);
    expect(all.filter((box) => box.user === "alice").every((box) => !box.alive)).toBe(true);
    expect((await liveBoxes(page)).map((box) => [box.kind, box.user]).sort()).toEqual([
      ["chatbox", "bob"],
      ["inbox", "bob"],
      ["popup", "bob"],
    ]);
    expect(all.filter((box) => box.kind === "chatbox")).toHaveLength(2);
    // The box of Bob's session mounted into the element Alice's was in.
    expect(
      await chatboxElement.evaluate(
        (node) =>
          node.isConnected && node === window.TalkFake!.liveBoxes().find((box) => box.kind === "chatbox")!.container,
      ),
    ).toBe(true);
    await page.screenshot({ path: screenshotPath(app, "boxes-after-switch"), fullPage: true });
  });

  test("opens and closes the Popup with its show prop, on one popup box", async ({ page }) => {
    await loginAs(page, app, "alice");
    const popup = page.locator("[data-shown]");
    await expect(popup).toHaveAttribute("data-shown", "false");

    await testId(page, "popup-toggle").click();
    await expect(popup).toHaveAttribute("data-shown", "true");
    await expect(popup).toHaveAttribute("data-conversation", "alice-bob");
    await expect(testId(page, "popup-toggle")).toHaveAttribute("aria-pressed", "true");
    await page.screenshot({ path: screenshotPath(app, "popup-open"), fullPage: true });

    await testId(page, "popup-toggle").click();
    await expect(popup).toHaveAttribute("data-shown", "false");

    // The popup's own launcher: onOpen keeps the app's toggle in step.
    await popup.getByRole("button", { name: "Open chat" }).click();
    await expect(popup).toHaveAttribute("data-shown", "true");
    await expect(testId(page, "popup-toggle")).toHaveAttribute("aria-pressed", "true");

    const popups = (await boxes(page)).filter((box) => box.kind === "popup");
    expect(popups).toEqual([{ kind: "popup", alive: true, user: "alice", conversation: "alice-bob" }]);
  });

  test("StrictMode in React's development build: one box of each kind, never two alive, also across a switch", async ({
    page,
  }) => {
    await page.goto("/react/dev/");
    await expect(page.locator("html")).toHaveAttribute("data-react-mode", "development");
    await testId(page, "login-user-alice").click();
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-bob");
    await expect.poll(() => liveBoxes(page)).toHaveLength(3);
    await testId(page, "chat-with-carol").click();
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-carol");
    await testId(page, "switch-user-carol").click();
    await expect(testId(page, "current-user")).toContainText("Carol");
    await expect(chatboxConversation(page)).toContainText("Carol");
    await expect(chatboxConversation(page)).toHaveAttribute("data-conversation", "alice-carol");

    const kinds = (await liveBoxes(page)).map((box) => `${box.kind}:${box.user}`).sort();
    expect(kinds).toEqual(["chatbox:carol", "inbox:carol", "popup:carol"]);
    // Three kinds alive at once, never a fourth box beside them.
    expect(await page.evaluate(() => window.TalkFake!.peakLiveBoxes())).toBe(3);
  });

  test("logout destroys every box with the session", async ({ page }) => {
    await loginAs(page, app, "alice");
    await expect.poll(() => liveBoxes(page)).toHaveLength(3);
    await testId(page, "logout").click();
    await expect(testId(page, "login")).toBeVisible();
    expect(await liveBoxes(page)).toEqual([]);
    expect(await page.locator("[data-shown]").count()).toBe(0);
  });
});
