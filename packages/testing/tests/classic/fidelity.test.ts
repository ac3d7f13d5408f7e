// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { fakeUnreadConversation } from "../../src/index.js";
import { lastSession, loadedTalk } from "./loadedTalk.js";

// Issue 21: what a user of the offline demo sees should read as TalkJS does.

const NAMES: Record<string, string> = { alice: "Alice Andersen", bob: "Bob Okafor", carol: "Carol Díaz" };

function container(): HTMLElement {
  return document.body.appendChild(document.createElement("div"));
}

const chipOf = (element: HTMLElement) => element.querySelector('[data-role="conversation"]')?.textContent;

async function aliceSession() {
  const talk = await loadedTalk({
    userName: (id) => NAMES[id],
    participants: (conversationId) => conversationId.split("-"),
  });
  new talk.Session({ appId: "test-app", userId: "alice" });
  return { talk, session: lastSession(talk) };
}

describe("fidelity of the fake's boxes", () => {
  it("titles a conversation without a subject by the other participants' names before any message arrives", async () => {
    const { session } = await aliceSession();
    const element = container();
    const chatbox = session.createChatbox();
    await chatbox.select("alice-bob");
    await chatbox.mount(element);
    expect(chipOf(element)).toBe("Bob Okafor");
    expect(element.textContent).not.toContain("alice-bob");
  });

  it("titles a conversation selected as a ConversationBuilder by its participants other than me", async () => {
    const talk = await loadedTalk({ userName: (id) => NAMES[id] });
    const session = new talk.Session({ appId: "test-app", userId: "alice" });
    const conversation = session.getOrCreateConversation("order-42");
    conversation.setParticipant(new talk.User({ id: "carol", name: "Carol Díaz" }));
    conversation.setParticipant(session.me);
    const element = container();
    const chatbox = session.createChatbox();
    await chatbox.select(conversation);
    await chatbox.mount(element);
    expect(chipOf(element)).toBe("Carol Díaz");
  });

  it("opens the latest conversation in an Inbox with none selected, names it, and stays on it", async () => {
    const { talk, session } = await aliceSession();
    const element = container();
    await session.createInbox().mount(element);
    expect(chipOf(element)).toBe("no conversation selected");
    talk.emitMessage({ body: "From Carol", senderId: "carol", conversation: { id: "alice-carol" } });
    expect(chipOf(element)).toBe("Carol Díaz");
    // A message in another conversation does not move the Inbox away from the one it opened.
    talk.emitMessage({ body: "From Bob", senderId: "bob", conversation: { id: "alice-bob" } });
    expect(chipOf(element)).toBe("Carol Díaz");
    expect(element.querySelector('[aria-current="true"]')?.getAttribute("data-conversation-id")).toBe("alice-carol");
    const list = element.querySelector('[aria-label="Messages"]')!;
    expect(list.textContent).toContain("From Carol");
    expect(list.textContent).not.toContain("From Bob");
  });

  it("accepts select(undefined) as TalkJS's types allow: the box shows no conversation", async () => {
    const { session } = await aliceSession();
    const chatbox = session.createChatbox();
    await chatbox.select("alice-bob");
    await expect(chatbox.select(undefined)).resolves.toBeUndefined();
    expect(chatbox.conversationId).toBeNull();
  });

  it("marks a conversation read while a mounted box shows it, and tells onRead", async () => {
    const read: string[] = [];
    const talk = await loadedTalk({ onRead: (conversationId) => void read.push(conversationId) });
    new talk.Session({ appId: "test-app", userId: "alice" });
    const session = lastSession(talk);
    const unreads: string[][] = [];
    session.unreads.onChange((conversations) => unreads.push(conversations.map((entry) => entry.conversation.id)));
    const chatbox = session.createChatbox();
    await chatbox.select("alice-bob");
    session.setUnreads([
      fakeUnreadConversation({ conversation: { id: "alice-bob" } }),
      fakeUnreadConversation({ conversation: { id: "alice-carol" } }),
    ]);
    expect(unreads.at(-1)).toEqual(["alice-bob", "alice-carol"]); // not on screen yet
    await chatbox.mount(container());
    expect(unreads.at(-1)).toEqual(["alice-carol"]);
    expect(read).toEqual(["alice-bob"]);
    session.setUnreads([fakeUnreadConversation({ conversation: { id: "alice-bob" } })]);
    expect(unreads.at(-1)).toEqual([]);
    await chatbox.select("alice-carol");
    session.setUnreads([
      fakeUnreadConversation({ conversation: { id: "alice-bob" } }),
      fakeUnreadConversation({ conversation: { id: "alice-carol" } }),
    ]);
    expect(unreads.at(-1)).toEqual(["alice-bob"]);
  });

  it("leaves a closed Popup's conversation unread, and marks it read when the Popup opens", async () => {
    const talk = await loadedTalk();
    new talk.Session({ appId: "test-app", userId: "alice" });
    const session = lastSession(talk);
    const popup = session.createPopup();
    await popup.select("alice-bob");
    await popup.mount({ show: false });
    session.setUnreads([fakeUnreadConversation({ conversation: { id: "alice-bob" } })]);
    expect(session.unreadConversations).toHaveLength(1);
    popup.show();
    expect(session.unreadConversations).toEqual([]);
  });
});
