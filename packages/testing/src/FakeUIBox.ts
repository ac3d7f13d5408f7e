import type Talk from "talkjs";
import { fakeConversationData } from "./fakeConversationData.js";

/**
 * Which `create*` call made a box.
 * @example
 * expect(session.createPopup().kind).toBe("popup" satisfies FakeUIBoxKind);
 */
export type FakeUIBoxKind = "inbox" | "chatbox" | "popup";

/**
 * The label every fake box renders (text and `aria-label`), so screenshots and e2e tests can't mistake it for TalkJS.
 * @example
 * await expect(page.getByLabel(FAKE_UI_LABEL)).toBeVisible();
 */
export const FAKE_UI_LABEL = "TalkJS fake — offline demo";

const KIND_TITLES: Record<FakeUIBoxKind, string> = { inbox: "Inbox", chatbox: "Chatbox", popup: "Popup" };

interface FakeUIBoxContext {
  readonly kind: FakeUIBoxKind;
  readonly appId: string;
  readonly me: Talk.User;
  /** How the header names the user (`me.name`, the `userName` option, or the id). */
  readonly myName: string;
  readonly options: unknown;
  readonly conversationId: string | undefined;
  /** The messages the session emitted so far, oldest first. */
  readonly messages: () => readonly Talk.Message[];
  /** Emits the reply locally and hands it to the fake's `onSend`. */
  readonly send: (body: string, conversationId: string) => Promise<void>;
  readonly onDestroy: (box: FakeUIBox) => void;
}

interface MountedView {
  readonly root: HTMLElement;
  readonly list: HTMLElement;
  readonly replyLabel: HTMLElement;
  readonly input: HTMLInputElement;
  readonly sendButton: HTMLButtonElement;
  readonly notice: HTMLElement;
}

const STYLES = {
  root: "box-sizing:border-box;display:flex;flex-direction:column;gap:8px;height:100%;min-height:260px;font:14px/1.4 system-ui,sans-serif;border:2px dashed #a3a3b8;border-radius:10px;padding:12px;color:#222;background:#fbfbfe",
  header: "display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:4px 12px",
  label: "font-size:12px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:#6b4fbb",
  details: "font-size:12px;color:#666",
  list: "flex:1;list-style:none;margin:0;padding:4px;overflow-y:auto;min-height:120px;max-height:320px;display:flex;flex-direction:column;gap:6px;background:#fff;border:1px solid #e4e4ee;border-radius:8px",
  empty: "margin:auto;padding:16px;color:#888;text-align:center;font-size:13px",
  theirs:
    "align-self:flex-start;max-width:80%;padding:6px 10px;border-radius:10px 10px 10px 2px;background:#f0f0f6;cursor:pointer",
  mine: "align-self:flex-end;max-width:80%;padding:6px 10px;border-radius:10px 10px 2px 10px;background:#6b4fbb;color:#fff",
  meta: "display:block;font-size:11px;opacity:.7",
  form: "display:flex;gap:6px",
  input: "flex:1;min-width:0;padding:7px 10px;font:inherit;border:1px solid #c9c9d9;border-radius:8px",
  button:
    "padding:7px 14px;font:inherit;font-weight:600;border:0;border-radius:8px;background:#6b4fbb;color:#fff;cursor:pointer",
  replyLabel: "font-size:12px;color:#555",
  notice: "font-size:12px;color:#b42318",
} as const;

function conversationIdOf(conversation: unknown): string | undefined {
  if (typeof conversation === "string") return conversation;
  if (typeof conversation === "object" && conversation !== null && "id" in conversation) {
    const { id } = conversation;
    return typeof id === "string" ? id : undefined;
  }
  return undefined;
}

/** For error messages: `String()` of an object would only say "[object Object]". */
function describeContainer(container: unknown): string {
  return typeof container === "object" && container !== null ? "an object that is not an element" : String(container);
}

function isElement(target: unknown): target is HTMLElement {
  return typeof target === "object" && target !== null && "ownerDocument" in target && "appendChild" in target;
}

function senderName(message: Talk.Message): string {
  if (message.isByMe) return "You";
  return message.sender?.name || message.senderId || "System";
}

function timeOf(message: Talk.Message): string {
  return new Date(message.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/**
 * The box returned by the fake session's `createInbox`, `createChatbox` and `createPopup`.
 * `mount(el)` renders a small, labelled offline chat view with plain DOM: the messages the session received and a
 * reply form (a reply is emitted locally and handed to the fake's `onSend`); `destroy()` removes it.
 * @example
 * const inbox = session.createInbox();
 * await inbox.mount(document.getElementById("chat"));
 */
export class FakeUIBox {
  readonly kind: FakeUIBoxKind;
  /** The options passed to the `create*` call (test-only). */
  readonly options: unknown;
  #context: FakeUIBoxContext;
  #alive = true;
  #root: HTMLElement | undefined;
  #view: MountedView | undefined;
  #conversation: Talk.ConversationData | null;

  /** @internal Created by a fake session. */
  constructor(context: FakeUIBoxContext) {
    this.#context = context;
    this.kind = context.kind;
    this.options = context.options;
    this.#conversation =
      context.conversationId === undefined ? null : fakeConversationData({ id: context.conversationId });
  }

  get isAlive(): boolean {
    return this.#alive;
  }

  get currentConversation(): Talk.ConversationData | null {
    return this.#conversation;
  }

  /** The element the box rendered, while mounted (test-only). */
  get element(): HTMLElement | undefined {
    return this.#root;
  }

  /** Renders into `container`; a popup may be mounted without one and then uses `document.body`. */
  mount(container?: HTMLElement | null | { show?: boolean }): Promise<void> {
    if (!this.#alive) return Promise.reject(new Error("[TalkJS] This UI box has been destroyed; create a new one."));
    const target = isElement(container)
      ? container
      : this.kind === "popup" && typeof document !== "undefined"
        ? document.body
        : undefined;
    if (target === undefined) {
      if (this.kind === "popup") return Promise.resolve();
      return Promise.reject(
        new Error(
          `[TalkJS] ${KIND_TITLES[this.kind]}.mount(container) needs an HTMLElement; got ${describeContainer(container)}.`,
        ),
      );
    }
    this.#root?.remove();
    this.#root = this.#render(target);
    return Promise.resolve();
  }

  /** Shows a conversation (just its id and an empty message list in the fake). */
  select(conversation: string | { id: string } | null | undefined): Promise<void> {
    const id = conversationIdOf(conversation);
    this.#conversation = id === undefined ? null : fakeConversationData({ id });
    if (this.#root !== undefined) {
      const parent = this.#root.parentElement;
      this.#root.remove();
      this.#root = parent === null ? undefined : this.#render(parent);
    }
    return Promise.resolve();
  }

  destroy(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#root?.remove();
    this.#root = undefined;
    this.#view = undefined;
    this.#context.onDestroy(this);
  }

  /** @internal The session calls this after it emitted a message, so a mounted box shows it. */
  refresh(): void {
    if (this.#view !== undefined) this.#renderMessages(this.#view);
  }

  /** The messages this box shows: every one for an inbox, one conversation's for a box created for it. */
  #visibleMessages(): readonly Talk.Message[] {
    const all = this.#context.messages();
    const fixed = this.kind === "inbox" ? undefined : this.#conversation?.id;
    return fixed === undefined ? all : all.filter((message) => message.conversation.id === fixed);
  }

  /** Replies go to the selected conversation, else to the latest one somebody else wrote in. */
  #replyTarget(): { conversationId: string; to: string } | undefined {
    const messages = this.#visibleMessages();
    const selected = this.#conversation?.id;
    const latestFromOthers = [...messages]
      .reverse()
      .find((message) => !message.isByMe && (selected === undefined || message.conversation.id === selected));
    const conversationId = selected ?? latestFromOthers?.conversation.id;
    if (conversationId === undefined) return undefined;
    return { conversationId, to: latestFromOthers === undefined ? conversationId : senderName(latestFromOthers) };
  }

  /** A conversation's subject as its messages carry it (the other person's name in a one-to-one chat), else its id. */
  #conversationTitle(conversationId: string): string {
    const withSubject = this.#context
      .messages()
      .find((message) => message.conversation.id === conversationId && message.conversation.subject);
    return withSubject?.conversation.subject ?? conversationId;
  }

  #render(container: HTMLElement): HTMLElement {
    const document = container.ownerDocument;
    const { myName, appId, kind } = this.#context;
    const element = <K extends keyof HTMLElementTagNameMap>(
      tag: K,
      style: string,
      text?: string,
    ): HTMLElementTagNameMap[K] => {
      const created = document.createElement(tag);
      created.style.cssText = style;
      if (text !== undefined) created.textContent = text;
      return created;
    };
    const root = element("section", STYLES.root);
    root.setAttribute("data-talkjs-fake", kind);
    root.setAttribute("aria-label", FAKE_UI_LABEL);

    const header = element("header", STYLES.header);
    const conversation = this.#conversation === null ? "" : ` · ${this.#conversationTitle(this.#conversation.id)}`;
    header.append(
      element("strong", STYLES.label, FAKE_UI_LABEL),
      element("span", STYLES.details, `${KIND_TITLES[kind]} of ${myName} · app ${appId}${conversation}`),
    );

    const list = element("ul", STYLES.list);
    list.setAttribute("aria-label", "Messages");
    list.setAttribute("aria-live", "polite");

    const form = element("form", STYLES.form);
    const input = element("input", STYLES.input);
    input.name = "message";
    input.autocomplete = "off";
    input.setAttribute("aria-label", "Reply");
    const sendButton = element("button", STYLES.button, "Send");
    sendButton.type = "submit";
    form.append(input, sendButton);
    const replyLabel = element("div", STYLES.replyLabel);
    const notice = element("div", STYLES.notice);
    notice.setAttribute("role", "status");

    const view: MountedView = { root, list, replyLabel, input, sendButton, notice };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#send(view);
    });
    list.addEventListener("click", (event) => {
      // The target may be any EventTarget (a text node, say), so `closest` is optional.
      const conversationId = (event.target as Partial<Pick<Element, "closest">> | null)
        ?.closest?.("[data-conversation-id]")
        ?.getAttribute("data-conversation-id");
      if (conversationId && this.kind === "inbox") {
        this.#conversation = fakeConversationData({ id: conversationId });
        this.#renderMessages(view);
      }
    });

    root.append(header, list, replyLabel, form, notice);
    this.#view = view;
    this.#renderMessages(view);
    container.textContent = "";
    container.appendChild(root);
    return root;
  }

  #renderMessages(view: MountedView): void {
    const document = view.root.ownerDocument;
    const messages = this.#visibleMessages();
    const items = messages.map((message) => {
      const item = document.createElement("li");
      item.style.cssText = message.isByMe ? STYLES.mine : STYLES.theirs;
      item.setAttribute("data-conversation-id", message.conversation.id);
      if (!message.isByMe) item.title = "Reply in this conversation";
      const meta = document.createElement("small");
      meta.style.cssText = STYLES.meta;
      meta.textContent = `${senderName(message)} · ${timeOf(message)}`;
      const body = document.createElement("span");
      body.textContent = message.body;
      item.append(meta, body);
      return item;
    });
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.style.cssText = STYLES.empty;
      empty.textContent = "No messages yet. Messages this session receives appear here, and you can reply to them.";
      items.push(empty);
    }
    view.list.replaceChildren(...items);
    view.list.scrollTop = view.list.scrollHeight;
    const target = this.#replyTarget();
    view.replyLabel.textContent = target === undefined ? "Nothing to reply to yet." : `Replying to ${target.to}`;
    view.input.disabled = target === undefined;
    view.sendButton.disabled = target === undefined;
    view.input.placeholder = target === undefined ? "Waiting for a message…" : "Write a reply…";
  }

  #send(view: MountedView): void {
    const body = view.input.value.trim();
    const target = this.#replyTarget();
    if (body === "" || target === undefined) return;
    view.input.value = "";
    view.notice.textContent = "";
    this.#context.send(body, target.conversationId).catch((error: unknown) => {
      view.notice.textContent = `Not delivered: ${error instanceof Error ? error.message : String(error)}`;
    });
  }
}
