import { describe, expect, it } from "vitest";
import { FAKE_UI_LABEL } from "../src/index.js";
import { lastSession, loadedTalk } from "./loadedTalk.js";

/** Just enough DOM for the fake's renderer, so these tests need no jsdom. */
class TinyElement {
  readonly children: TinyElement[] = [];
  readonly attributes = new Map<string, string>();
  readonly style = { cssText: "" };
  parentElement: TinyElement | null = null;
  #text = "";

  constructor(
    readonly tagName: string,
    readonly ownerDocument: TinyDocument,
  ) {}

  get textContent(): string {
    return this.#text + this.children.map((child) => child.textContent).join(" ");
  }

  set textContent(text: string) {
    for (const child of [...this.children]) child.remove();
    this.#text = text;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  append(...nodes: TinyElement[]): void {
    for (const node of nodes) this.appendChild(node);
  }

  appendChild(node: TinyElement): TinyElement {
    node.parentElement = this;
    this.children.push(node);
    return node;
  }

  remove(): void {
    const parent = this.parentElement;
    if (parent === null) return;
    parent.children.splice(parent.children.indexOf(this), 1);
    this.parentElement = null;
  }
}

class TinyDocument {
  createElement(tagName: string): TinyElement {
    return new TinyElement(tagName, this);
  }
}

function container(): HTMLElement & TinyElement {
  return new TinyDocument().createElement("div") as unknown as HTMLElement & TinyElement;
}

describe("UI boxes", () => {
  it("mounts an inbox as a clearly labelled offline view", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    await session.createInbox().mount(element);
    expect(element.children).toHaveLength(1);
    expect(element.children[0]?.attributes.get("data-talkjs-fake")).toBe("inbox");
    expect(element.textContent).toContain(FAKE_UI_LABEL);
    expect(element.textContent).toContain("pete");
  });

  it("shows the conversation a chatbox was created for", async () => {
    const talk = await loadedTalk();
    const session = new talk.Session({ appId: "test-app", userId: "pete" });
    const element = container();
    const chatbox = session.createChatbox({ id: "order-42" } as never);
    await chatbox.mount(element);
    expect(chatbox.currentConversation?.id).toBe("order-42");
    expect(element.textContent).toContain("order-42");
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
    await expect(inbox.mount(element)).rejects.toThrow(/destroyed/);
  });

  it("rejects mounting an inbox without a container element", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "pete" });
    await expect(lastSession(talk).createInbox().mount(null)).rejects.toThrow(/needs an HTMLElement/);
  });
});
