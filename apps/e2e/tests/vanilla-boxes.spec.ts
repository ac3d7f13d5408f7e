import { expect, test, type Page } from "@playwright/test";
import { EXAMPLE_APPS, loginAs, screenshotPath, serveFakeTalk, testId } from "./apps.js";

// Issue 12 in the vanilla app: the core's createInbox, createChatbox and createPopup run the boxes.
const app = EXAMPLE_APPS.find((candidate) => candidate.name === "vanilla")!;

/** Every box the page's fake created, in order: kind, user, conversation, alive, mounted, shown. */
const boxes = (page: Page) =>
  page.evaluate(() =>
    window.TalkFake!.boxes.map((box) => ({
      kind: box.kind,
      user: box.session.me.id,
      conversation: box.conversationId,
      alive: box.isAlive,
      mounted: box.mounted,
      shown: box.kind === "popup" ? box.shown : undefined,
      selects: box.callCount("select"),
    })),
  );
const live = async (page: Page, kind: string) => (await boxes(page)).filter((box) => box.kind === kind && box.alive);

test.describe("vanilla app boxes", () => {
  test("switches the Chatbox's conversation in place, shows and hides the Popup, and carries the boxes to a new user", async ({
    page,
  }) => {
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await serveFakeTalk(page);
    await loginAs(page, app, "alice");

    await expect
      .poll(async () => (await live(page, "chatbox")).map((box) => [box.conversation, box.mounted]))
      .toEqual([["alice-bob", true]]);
    await expect.poll(async () => (await live(page, "inbox")).length).toBe(1);
    await expect(testId(page, "chatbox-loading")).toBeHidden();
    await expect(testId(page, "chatbox").getByLabel("TalkJS fake — offline demo")).toBeVisible();

    // Another conversation: select() on the same Chatbox, no new box.
    await testId(page, "chat-with-carol").click();
    await expect
      .poll(async () => (await live(page, "chatbox")).map((box) => box.conversation))
      .toEqual(["alice-carol"]);
    expect((await boxes(page)).filter((box) => box.kind === "chatbox")).toHaveLength(1);

    // The Popup: mounted hidden, then show() and hide() on the same box.
    await expect.poll(async () => (await live(page, "popup")).map((box) => box.shown)).toEqual([false]);
    await testId(page, "popup-toggle").click();
    await expect.poll(async () => (await live(page, "popup")).map((box) => box.shown)).toEqual([true]);
    await page.screenshot({ path: screenshotPath(app, "boxes"), fullPage: true });
    await testId(page, "popup-toggle").click();
    await expect.poll(async () => (await live(page, "popup")).map((box) => box.shown)).toEqual([false]);
    expect((await boxes(page)).filter((box) => box.kind === "popup")).toHaveLength(1);

    // A user switch: every box moves to Bob's session, in the same place, still chatting with Carol.
    await testId(page, "switch-user-bob").click();
    await expect(testId(page, "current-user")).toContainText("Bob");
    await expect
      .poll(async () =>
        (await boxes(page)).filter((box) => box.alive).map((box) => [box.kind, box.user, box.conversation]),
      )
      .toEqual(
        expect.arrayContaining([
          ["inbox", "bob", null],
          ["chatbox", "bob", "bob-carol"],
          ["popup", "bob", expect.any(String)],
        ]),
      );
    expect(await boxes(page).then((all) => all.filter((box) => box.alive))).toHaveLength(3);
    expect((await boxes(page)).filter((box) => box.kind === "chatbox" && box.user === "alice" && box.alive)).toEqual(
      [],
    );
    await expect(testId(page, "chatbox").getByLabel("TalkJS fake — offline demo")).toBeVisible();
    expect(pageErrors).toEqual([]);
  });
});
