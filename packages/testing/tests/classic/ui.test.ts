// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { createFakeTalk, FAKE_UI_LABEL } from "../../src/index.js";
import { lastSession, loadedTalk } from "./loadedTalk.js";

function container(): HTMLElement {
  return document.body.appendChild(document.createElement("div"));
}

function messageTexts(element: HTMLElement): string[] {
  return [...element.querySelectorAll("li")].map((item) => item.textContent);
}

function reply(element: HTMLElement, text: string): void {
  const input = element.querySelector("input")!;
  input.value = text;
  element.querySelector("form")!.requestSubmit();
}

describe("UI boxes", () => {
  it("mounts an inbox as a clearly labelled offline view", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    await session.createInbox().mount(element);
    expect(element.children).toHaveLength(1);
    expect(element.children[0]?.getAttribute("data-talkjs-fake")).toBe("inbox");
    expect(element.children[0]?.getAttribute("aria-label")).toBe(FAKE_UI_LABEL);
    expect(element.textContent).toContain(FAKE_UI_LABEL);
    expect(element.textContent).toContain("pete");
    expect(element.textContent).toContain("No messages yet");
  });

  it("lists the messages the session receives, including those emitted before mounting", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "pete" });
    talk.emitMessage({ body: "First", senderId: "sam" });
    const element = container();
    await lastSession(talk).createInbox().mount(element);
    talk.emitMessage({ body: "Second", senderId: "sam" });
    expect(messageTexts(element)).toEqual([expect.stringContaining("First"), expect.stringContaining("Second")]);
  });

  it("disables the reply form until there is a conversation to reply to", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    await session.createInbox().mount(element);
    expect(element.querySelector("input")!.disabled).toBe(true);
    talk.emitMessage({ body: "Hi", senderId: "sam", conversation: { id: "pete-sam" } });
    expect(element.querySelector("input")!.disabled).toBe(false);
    expect(element.textContent).toContain("Replying to sam");
  });

  it("emits a reply locally as the user's own message and hands it to onSend", async () => {
    const onSend = vi.fn();
    const talk = await loadedTalk({ onSend });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const seen: string[] = [];
    session.onMessage((message) => seen.push(`${message.isByMe ? "me" : "them"}:${message.body}`));
    const element = container();
    await session.createInbox().mount(element);
    talk.emitMessage({ body: "How are you?", senderId: "sam", conversation: { id: "pete-sam" } });
    reply(element, "  Fine, thanks  ");
    await vi.waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    expect(onSend.mock.calls[0]?.[0]).toMatchObject({
      body: "Fine, thanks",
      isByMe: true,
      senderId: "pete",
      conversation: { id: "pete-sam" },
    });
    expect(onSend.mock.calls[0]?.[1]).toBe(lastSession(talk));
    expect(seen).toEqual(["them:How are you?", "me:Fine, thanks"]);
    expect(messageTexts(element).at(-1)).toContain("You");
    expect(element.querySelector("input")!.value).toBe("");
  });

  it("shows why a reply was not delivered when onSend rejects", async () => {
    const talk = await loadedTalk({ onSend: () => Promise.reject(new Error("server down")) });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    await session.createInbox().mount(element);
    talk.emitMessage({ body: "Hi", senderId: "sam" });
    reply(element, "Hello");
    await vi.waitFor(() => expect(element.textContent).toContain("Not delivered: server down"));
  });

  it("replies in the conversation of the message the user clicked", async () => {
    const onSend = vi.fn();
    const talk = await loadedTalk({ onSend });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    await session.createInbox().mount(element);
    talk.emitMessage({ body: "From Sam", senderId: "sam", conversation: { id: "pete-sam" } });
    talk.emitMessage({ body: "From Kim", senderId: "kim", conversation: { id: "kim-pete" } });
    element.querySelector<HTMLElement>('[data-conversation-id="pete-sam"]')!.click();
    expect(element.textContent).toContain("Replying to sam");
    reply(element, "Hi Sam");
    await vi.waitFor(() =>
      expect(onSend).toHaveBeenCalledWith(
        expect.objectContaining<Record<string, unknown>>({ conversation: expect.objectContaining({ id: "pete-sam" }) }),
        expect.anything(),
      ),
    );
  });

  it("shows the conversation a chatbox was created for, and only its messages", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    const chatbox = session.createChatbox({ id: "order-42" } as never);
    await chatbox.mount(element);
    talk.emitMessage({ body: "About the order", conversation: { id: "order-42" } });
    talk.emitMessage({ body: "Elsewhere", conversation: { id: "other" } });
    expect(chatbox.currentConversation?.id).toBe("order-42");
    expect(element.textContent).toContain("order-42");
    expect(messageTexts(element)).toEqual([expect.stringContaining("About the order")]);
  });

  it("names the user and the conversation in the header instead of their ids, when it knows the names", async () => {
    const talk = await loadedTalk({ userName: (id) => (id === "pete" ? "Pete Rivera" : undefined) });
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    talk.emitMessage({ body: "Hi", senderId: "sam", conversation: { id: "pete-sam", subject: "Sam Lee" } });
    const element = container();
    await session.createChatbox({ id: "pete-sam" } as never).mount(element);
    expect(element.querySelector("header")!.textContent).toContain("Chatbox of Pete Rivera · app test-app");
    expect(element.querySelector('[data-role="conversation"]')!.textContent).toBe("Sam Lee");
    const inboxElement = container();
    await session.createInbox().mount(inboxElement);
    expect(inboxElement.querySelector('[data-conversation-id="pete-sam"]')!.textContent).toMatch(/^Sam Lee/);

    const stranger = new talk.Session({ appId: "test-app", userId: "kim" });
    const strangerElement = container();
    await stranger.createInbox().mount(strangerElement);
    expect(strangerElement.querySelector("header")!.textContent).toContain("Inbox of kim");
  });

  it("falls back to the id when the userName option throws, and refuses a userName that is not a function", async () => {
    const talk = await loadedTalk({
      userName: () => {
        throw new Error("lookup failed");
      },
    });
    const element = container();
    await new talk.Session({ appId: "test-app", userId: "pete" }).createInbox().mount(element);
    expect(element.querySelector("header")!.textContent).toContain("Inbox of pete");
    expect(() => createFakeTalk({ userName: "Pete" as never })).toThrow(
      'createFakeTalk: "userName" must be a function when given; got string.',
    );
  });

  it("lists live boxes per kind and forgets destroyed ones", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const inbox = session.createInbox();
    session.createChatbox();
    session.createPopup();
    expect(session.getInboxes()).toEqual([inbox]);
    expect(session.getChatboxes()).toHaveLength(1);
    expect(session.getPopups()).toHaveLength(1);
    inbox.destroy();
    expect(session.getInboxes()).toEqual([]);
  });

  it("removes the rendered view when the box is destroyed", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    const inbox = session.createInbox();
    await inbox.mount(element);
    inbox.destroy();
    expect(element.children).toHaveLength(0);
    expect(() => inbox.mount(element)).toThrow(/destroyed/);
  });

  it("rejects mounting an inbox without a container element", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "pete" });
    await expect(lastSession(talk).createInbox().mount(null)).rejects.toThrow(/needs an HTMLElement/);
  });
});
