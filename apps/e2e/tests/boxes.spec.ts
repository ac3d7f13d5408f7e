import { expect, test, type Page } from "@playwright/test";
import { EXAMPLE_APPS, loginAs, serveFakeTalk, testId } from "./apps.js";

// The apps whose Chat card uses the Chatbox, Inbox and Popup components with these data-testids: `chatbox` (around the
// Chatbox), `conversation-<id>` (one button per conversation of the user), `popup-toggle`. Others join as they get them.
const BOX_APPS = EXAMPLE_APPS.filter((app) => app.name === "vue");

/** The fake's boxes of one kind, oldest first, as plain data; `inChatCard` says the box is mounted in the Chat card. */
function boxesOf(page: Page, kind: "chatbox" | "inbox" | "popup") {
  return page.evaluate((kind) => {
    const card = document.querySelector('[data-testid="chatbox"]');
    return window
      .TalkFake!.boxes.filter((box) => box.kind === kind)
      .map((box) => ({
        alive: box.isAlive,
        mounted: box.mounted,
        user: box.session.me.id,
        conversation: box.conversationId,
        inChatCard: box.kind === "chatbox" && !!box.container && !!card?.contains(box.container),
        shown: box.kind === "popup" ? box.shown : undefined,
        selects: box.callCount("select"),
      }));
  }, kind);
}

/** Whether every Chatbox the fake created was mounted into the same element. */
const oneChatboxElement = (page: Page) =>
  page.evaluate(() => {
    const containers = window.TalkFake!.boxes.filter((box) => box.kind === "chatbox").map((box) => box.container);
    return containers.length > 0 && containers.every((container) => container === containers[0]);
  });

for (const app of BOX_APPS) {
  test.describe(`${app.name} app: Chatbox, Inbox and Popup`, () => {
    let pageErrors: string[];
    test.beforeEach(async ({ page }) => {
      pageErrors = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") pageErrors.push(message.text());
      });
      await serveFakeTalk(page);
    });
    test.afterEach(() => {
      expect(pageErrors).toEqual([]);
    });

    test("switches the Chatbox's conversation in place: a select() on the same box", async ({ page }) => {
      await loginAs(page, app, "alice");
      const chat = testId(page, "chatbox");
      await expect(chat.locator('[data-conversation="alice-bob"]')).toBeVisible();
      await expect(testId(page, "inbox").getByLabel("TalkJS fake — offline demo")).toBeVisible();

      await testId(page, "conversation-alice-carol").click();
      await expect(chat.locator('[data-conversation="alice-carol"]')).toBeVisible();
      await expect
        .poll(() => boxesOf(page, "chatbox"))
        .toEqual([
          {
            alive: true,
            mounted: true,
            user: "alice",
            conversation: "alice-carol",
            inChatCard: true,
            shown: undefined,
            selects: 2,
          },
        ]);
      expect(await boxesOf(page, "inbox")).toHaveLength(1);
      expect(await boxesOf(page, "popup")).toMatchObject([{ alive: true, conversation: "alice-carol" }]);
    });

    test("carries the boxes over a user switch: the same element and conversation on the new session", async ({
      page,
    }) => {
      await loginAs(page, app, "alice");
      await testId(page, "conversation-alice-carol").click();
      await expect(testId(page, "chatbox").locator('[data-conversation="alice-carol"]')).toBeVisible();

      await testId(page, "switch-user-carol").click();
      await expect(testId(page, "current-user")).toContainText("Carol");
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect
        .poll(() => boxesOf(page, "chatbox"))
        .toMatchObject([
          { alive: false, user: "alice", conversation: "alice-carol" },
          { alive: true, mounted: true, user: "carol", conversation: "alice-carol", inChatCard: true },
        ]);
      expect(await oneChatboxElement(page)).toBe(true);
      await expect(testId(page, "conversation-alice-carol")).toBeVisible();
      await expect.poll(() => boxesOf(page, "inbox")).toMatchObject([{ alive: false }, { alive: true, user: "carol" }]);
      await expect.poll(() => boxesOf(page, "popup")).toMatchObject([{ alive: false }, { alive: true, user: "carol" }]);
      await expect(testId(page, "chatbox").getByLabel("TalkJS fake — offline demo")).toContainText("Carol");
    });

    test("opens and closes the Popup with show, and follows its own launcher, on one box", async ({ page }) => {
      await loginAs(page, app, "alice");
      const popup = page.locator("[data-shown]");
      await expect.poll(() => boxesOf(page, "popup")).toMatchObject([{ alive: true, mounted: true, shown: false }]);
      await expect(popup).toHaveAttribute("data-shown", "false");

      await testId(page, "popup-toggle").click();
      await expect(popup).toHaveAttribute("data-shown", "true");
      await testId(page, "popup-toggle").click();
      await expect(popup).toHaveAttribute("data-shown", "false");

      // The launcher opens it without the app: @open sets `show`, so the toggle offers to close it.
      await popup.getByRole("button", { name: "Open chat" }).click();
      await expect(popup).toHaveAttribute("data-shown", "true");
      await expect(testId(page, "popup-toggle")).toHaveText("Close the popup");
      await testId(page, "popup-toggle").click();
      await expect(popup).toHaveAttribute("data-shown", "false");
      expect(await boxesOf(page, "popup")).toMatchObject([{ alive: true, conversation: "alice-bob" }]);
    });
  });
}
