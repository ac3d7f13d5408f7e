import { expect, test, type Page } from "@playwright/test";
import { collectPageErrors, EXAMPLE_APPS, loginAs, serveFakeTalk, testId } from "./apps.js";

// Issue 12 in the Vue and Svelte apps: <TalkInbox>, <TalkChatbox> and <TalkPopup>, with the vanilla app's
// data-testids (Vue puts them on the box's element; Svelte on a <div> around each box component).

/** The fake's boxes of one kind, oldest first, as plain data; `inChatbox`: mounted inside the Chat card's `chatbox` element. */
function boxesOf(page: Page, kind: "chatbox" | "inbox" | "popup") {
  return page.evaluate((kind) => {
    const chatbox = document.querySelector('[data-testid="chatbox"]');
    return window
      .TalkFake!.boxes.filter((box) => box.kind === kind)
      .map((box) => ({
        alive: box.isAlive,
        mounted: box.mounted,
        user: box.session.me.id,
        conversation: box.conversationId,
        inChatbox: box.kind === "chatbox" && !!box.container && !!chatbox?.contains(box.container),
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

for (const app of EXAMPLE_APPS.filter((candidate) => candidate.name === "vue" || candidate.name === "svelte"))
  test.describe(`${app.name} app: <TalkChatbox>, <TalkInbox> and <TalkPopup>`, () => {
    let pageErrors: string[];
    test.beforeEach(async ({ page }) => {
      pageErrors = collectPageErrors(page);
      await serveFakeTalk(page);
    });
    test.afterEach(() => {
      expect(pageErrors).toEqual([]);
    });

    test("switches the Chatbox's conversation in place: a select() on the same box", async ({ page }) => {
      await loginAs(page, app, "alice");
      const chat = testId(page, "chatbox");
      await expect(chat.locator('[data-conversation="alice-bob"]')).toBeVisible();
      await expect(testId(page, "chatbox-loading")).toBeHidden();
      await expect(testId(page, "inbox").getByLabel("TalkJS fake — offline demo")).toBeVisible();
      await expect(testId(page, "inbox-loading")).toBeHidden();

      await testId(page, "chat-with-carol").click();
      await expect(testId(page, "chat-with-carol")).toHaveAttribute("aria-pressed", "true");
      await expect(chat.locator('[data-conversation="alice-carol"]')).toBeVisible();
      await expect
        .poll(() => boxesOf(page, "chatbox"))
        .toEqual([
          {
            alive: true,
            mounted: true,
            user: "alice",
            conversation: "alice-carol",
            inChatbox: true,
            shown: undefined,
            selects: 2,
          },
        ]);
      expect(await boxesOf(page, "inbox")).toHaveLength(1);
      expect(await boxesOf(page, "popup")).toMatchObject([{ alive: true, conversation: "alice-bob" }]);
    });

    test("carries the boxes over a user switch: the same element and conversation on the new session", async ({
      page,
    }) => {
      await loginAs(page, app, "alice");
      await testId(page, "chat-with-carol").click();
      await expect(testId(page, "chatbox").locator('[data-conversation="alice-carol"]')).toBeVisible();

      // Carol's partner becomes Alice: the same conversation.
      await testId(page, "switch-user-carol").click();
      await expect(testId(page, "current-user")).toContainText("Carol");
      await expect(testId(page, "session-status")).toHaveAttribute("data-status", "ready");
      await expect
        .poll(() => boxesOf(page, "chatbox"))
        .toMatchObject([
          { alive: false, user: "alice", conversation: "alice-carol" },
          { alive: true, mounted: true, user: "carol", conversation: "alice-carol", inChatbox: true },
        ]);
      expect(await oneChatboxElement(page)).toBe(true);
      await expect(testId(page, "chat-with-alice")).toHaveAttribute("aria-pressed", "true");
      await expect.poll(() => boxesOf(page, "inbox")).toMatchObject([{ alive: false }, { alive: true, user: "carol" }]);
      await expect
        .poll(() => boxesOf(page, "popup"))
        .toMatchObject([{ alive: false }, { alive: true, user: "carol", conversation: "bob-carol" }]);
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

      // The launcher opens it without the app: @open / onOpen sets `show`, so the toggle offers to close it.
      await popup.getByRole("button", { name: "Open chat" }).click();
      await expect(popup).toHaveAttribute("data-shown", "true");
      await expect(testId(page, "popup-toggle")).toHaveText("Close the support Popup");
      await expect(testId(page, "popup-toggle")).toHaveAttribute("aria-pressed", "true");
      await testId(page, "popup-toggle").click();
      await expect(popup).toHaveAttribute("data-shown", "false");
      expect(await boxesOf(page, "popup")).toMatchObject([{ alive: true, conversation: "alice-bob" }]);
    });
  });
