import type Talk from "talkjs";
import { FAKE_UI_LABEL } from "./FAKE_UI_LABEL.js";
import type { FakeUIBoxKind } from "./FakeUIBoxEventName.js";

/** What a drawn box reads from its fake box, and the user actions it reports back. */
export interface FakeUIBoxViewHost {
  readonly kind: FakeUIBoxKind;
  readonly appId: string;
  /** How the header names the user (`me.name`, the `userName` option, or the id). */
  readonly myName: string;
  /** Every message the session emitted, oldest first. */
  messages(): readonly Talk.Message[];
  conversationId(): string | null;
  /** The conversation drawn: the selected one; an Inbox without one shows the latest conversation. */
  displayedConversationId(): string | null;
  /** The other participants' names, for a conversation without a subject. */
  participantNames(conversationId: string): readonly string[];
  /** The shown conversation's subject, if it has one. */
  conversationSubject(): string | null;
  highlightedWords(): readonly string[];
  /** Whether a popup is open; always true for the other kinds. */
  shown(): boolean;
  /** The user sent a reply; rejects when it was not delivered. */
  send(body: string, conversationId: string): Promise<void>;
  /** The user clicked a conversation in an inbox's feed. */
  userSelects(conversationId: string): void;
  /** The user clicked a popup's launcher. */
  userToggles(): void;
  userEvent(name: "focus" | "blur", event?: undefined): void;
  userEvent(name: "keydown" | "keyup", event: Talk.KeyEvent): void;
}

const KIND_TITLES: Record<FakeUIBoxKind, string> = { inbox: "Inbox", chatbox: "Chatbox", popup: "Popup" };

const STYLES = {
  // A page keeps this corner free (360 px wide, the panel's height plus about 90 px) so the popup covers nothing.
  popupFrame:
    "position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;flex-direction:column;align-items:flex-end;gap:10px;width:min(360px,calc(100vw - 40px));pointer-events:none",
  launcher:
    "padding:10px 18px;font:600 14px/1.2 system-ui,sans-serif;border:0;border-radius:999px;background:#6b4fbb;color:#fff;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer;pointer-events:auto",
  // overflow-wrap: a long word or link wraps inside the box instead of widening the page.
  root: "box-sizing:border-box;display:flex;flex-direction:column;gap:8px;height:100%;min-height:260px;min-width:0;overflow-wrap:anywhere;font:14px/1.4 system-ui,sans-serif;border:2px dashed #a3a3b8;border-radius:10px;padding:12px;color:#222;background:#fbfbfe",
  popupRoot:
    "width:100%;height:min(420px,calc(100vh - 130px));min-height:0;pointer-events:auto;box-shadow:0 8px 28px rgba(0,0,0,.2)",
  label: "font-size:11px;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:#6b4fbb",
  titleRow: "display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px",
  title: "font-size:17px;font-weight:700;color:#222",
  chip: "padding:2px 10px;border-radius:999px;background:#ece7fb;color:#3f2a85;font-size:13px;font-weight:600",
  noChip: "padding:2px 10px;border-radius:999px;background:#f0f0f0;color:#666;font-size:13px;font-style:italic",
  details: "font-size:13px;color:#555",
  body: "flex:1;display:flex;gap:8px;min-height:0",
  feed: "display:flex;flex-direction:column;gap:4px;width:38%;min-width:120px;max-height:320px;overflow-y:auto;padding:4px;background:#fff;border:1px solid #e4e4ee;border-radius:8px",
  feedItem:
    "display:block;width:100%;text-align:left;padding:6px 8px;font:inherit;font-size:13px;border:0;border-radius:6px;background:transparent;color:#222;cursor:pointer;overflow:hidden;text-overflow:ellipsis;white-space:nowrap",
  feedSelected: "background:#ece7fb;color:#3f2a85;box-shadow:inset 3px 0 0 #6b4fbb",
  feedTitle: "display:block;font-weight:700;overflow:hidden;text-overflow:ellipsis",
  feedPreview: "display:block;font-size:12px;opacity:.75;overflow:hidden;text-overflow:ellipsis",
  feedEmpty: "padding:8px;color:#888;font-size:12px",
  list: "flex:1;min-width:0;list-style:none;margin:0;padding:4px;overflow-y:auto;min-height:120px;max-height:320px;display:flex;flex-direction:column;gap:6px;background:#fff;border:1px solid #e4e4ee;border-radius:8px",
  empty: "margin:auto;padding:16px;color:#888;text-align:center;font-size:13px",
  theirs: "align-self:flex-start;max-width:80%;padding:6px 10px;border-radius:10px 10px 10px 2px;background:#f0f0f6",
  mine: "align-self:flex-end;max-width:80%;margin-right:2px;padding:6px 10px;border-radius:10px 10px 2px 10px;background:#6b4fbb;color:#fff",
  meta: "display:block;font-size:11px;opacity:.7",
  mark: "background:#ffe066;color:#222;border-radius:3px;padding:0 2px",
  form: "display:flex;gap:6px",
  input: "flex:1;min-width:0;padding:7px 10px;font:inherit;border:1px solid #c9c9d9;border-radius:8px",
  button:
    "padding:7px 14px;font:inherit;font-weight:600;border:0;border-radius:8px;background:#6b4fbb;color:#fff;cursor:pointer",
  replyLabel: "font-size:12px;color:#555",
  notice: "font-size:12px;color:#b42318",
} as const;

function senderName(message: Talk.Message): string {
  if (message.isByMe) return "You";
  return message.sender?.name || message.senderId || "System";
}

function timeOf(message: Talk.Message): string {
  return new Date(message.timestamp).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function escapeForRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function keyEventOf(event: KeyboardEvent): Talk.KeyEvent {
  const { altKey, code, ctrlKey, key, location, metaKey, shiftKey, repeat } = event;
  return { isInputFocused: true, altKey, code, ctrlKey, key, location, metaKey, shiftKey, repeat };
}

/**
 * The plain-DOM drawing of a fake box: a labelled header naming the kind and the selected conversation, an inbox's
 * conversation feed, the messages and a reply form; a popup adds a launcher and opens or closes in place.
 * `update()` redraws the contents inside the same elements, so a `select()` never replaces the box.
 */
export class FakeUIBoxView {
  /** The outermost element this view added to its container. */
  readonly element: HTMLElement;
  #host: FakeUIBoxViewHost;
  #root: HTMLElement;
  #launcher: HTMLButtonElement | undefined;
  #chip: HTMLElement;
  #feed: HTMLElement | undefined;
  #list: HTMLElement;
  #replyLabel: HTMLElement;
  #input: HTMLInputElement;
  #sendButton: HTMLButtonElement;
  #notice: HTMLElement;

  constructor(host: FakeUIBoxViewHost, container: HTMLElement) {
    this.#host = host;
    const document = container.ownerDocument;
    const make = this.#maker(document);
    const { kind, myName, appId } = host;

    this.#root = make("section", STYLES.root + (kind === "popup" ? `;${STYLES.popupRoot}` : ""));
    this.#root.setAttribute("aria-label", FAKE_UI_LABEL);
    const header = make("header", "display:flex;flex-direction:column;gap:2px");
    const title = make("div", "");
    title.append(
      make("span", STYLES.title, KIND_TITLES[kind]),
      make("span", STYLES.details, ` of ${myName} · app ${appId}`),
    );
    const conversationRow = make("div", STYLES.titleRow);
    this.#chip = make("span", STYLES.chip);
    this.#chip.setAttribute("data-role", "conversation");
    conversationRow.append(make("span", STYLES.details, "Conversation"), this.#chip);
    header.append(make("span", STYLES.label, FAKE_UI_LABEL), title, conversationRow);

    const body = make("div", STYLES.body);
    if (kind === "inbox") {
      this.#feed = make("nav", STYLES.feed);
      this.#feed.setAttribute("aria-label", "Conversations");
      body.append(this.#feed);
    }
    this.#list = make("ul", STYLES.list);
    this.#list.setAttribute("aria-label", "Messages");
    this.#list.setAttribute("aria-live", "polite");
    body.append(this.#list);

    const form = make("form", STYLES.form);
    this.#input = make("input", STYLES.input);
    this.#input.name = "message";
    this.#input.autocomplete = "off";
    this.#input.setAttribute("aria-label", "Reply");
    this.#sendButton = make("button", STYLES.button, "Send");
    this.#sendButton.type = "submit";
    form.append(this.#input, this.#sendButton);
    this.#replyLabel = make("div", STYLES.replyLabel);
    this.#notice = make("div", STYLES.notice);
    this.#notice.setAttribute("role", "status");
    this.#root.append(header, body, this.#replyLabel, form, this.#notice);
    this.#listen(form);

    if (kind === "popup") {
      this.element = make("div", STYLES.popupFrame);
      this.#launcher = make("button", STYLES.launcher);
      this.#launcher.type = "button";
      this.#launcher.addEventListener("click", () => host.userToggles());
      this.element.append(this.#root, this.#launcher);
      // A popup floats over the page, as TalkJS's does: it joins the container instead of replacing its content.
      container.appendChild(this.element);
    } else {
      this.element = this.#root;
      container.replaceChildren(this.element);
    }
    this.element.setAttribute("data-talkjs-fake", kind);
    this.update();
  }

  /** Redraws what changed (conversation, messages, highlights, popup state) inside the existing elements. */
  update(): void {
    const conversationId = this.#host.displayedConversationId();
    this.element.setAttribute("data-conversation", this.#host.conversationId() ?? "");
    this.#chip.textContent =
      conversationId === null ? "no conversation selected" : this.#conversationTitle(conversationId);
    this.#chip.style.cssText = conversationId === null ? STYLES.noChip : STYLES.chip;
    if (this.#launcher !== undefined) {
      const shown = this.#host.shown();
      this.element.setAttribute("data-shown", String(shown));
      this.#root.hidden = !shown;
      this.#root.style.display = shown ? "flex" : "none";
      this.#launcher.textContent = shown ? "Close chat" : "Open chat";
      this.#launcher.setAttribute("aria-expanded", String(shown));
    }
    this.#renderFeed(conversationId);
    this.#renderMessages(conversationId);
  }

  /** The subject the conversation was selected with or its messages carry (a one-to-one chat's other person), else its id. */
  #conversationTitle(conversationId: string): string {
    const withSubject = this.#host
      .messages()
      .find((message) => message.conversation.id === conversationId && message.conversation.subject);
    const selectedSubject = conversationId === this.#host.conversationId() ? this.#host.conversationSubject() : null;
    const names = this.#host.participantNames(conversationId).join(", ");
    return selectedSubject ?? withSubject?.conversation.subject ?? (names === "" ? conversationId : names);
  }

  /** Puts text into the reply field, as `messageField.setText` / `typeText` do. */
  setDraft(text: string): void {
    this.#input.value = text;
  }

  remove(): void {
    this.element.remove();
  }

  #maker(document: Document) {
    return <K extends keyof HTMLElementTagNameMap>(tag: K, style: string, text?: string): HTMLElementTagNameMap[K] => {
      const created = document.createElement(tag);
      created.style.cssText = style;
      if (text !== undefined) created.textContent = text;
      return created;
    };
  }

  #listen(form: HTMLFormElement): void {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#send();
    });
    this.#input.addEventListener("focus", () => this.#host.userEvent("focus"));
    this.#input.addEventListener("blur", () => this.#host.userEvent("blur"));
    this.#input.addEventListener("keydown", (event) => this.#host.userEvent("keydown", keyEventOf(event)));
    this.#input.addEventListener("keyup", (event) => this.#host.userEvent("keyup", keyEventOf(event)));
  }

  /** With a conversation selected, only its messages; without one, every message the session received. */
  #visibleMessages(conversationId: string | null): readonly Talk.Message[] {
    const all = this.#host.messages();
    return conversationId === null ? all : all.filter((message) => message.conversation.id === conversationId);
  }

  /** Replies go to the selected conversation, else to the latest one somebody else wrote in. */
  #replyTarget(conversationId: string | null): { conversationId: string; to: string } | undefined {
    const latestFromOthers = [...this.#visibleMessages(conversationId)].reverse().find((message) => !message.isByMe);
    const target = conversationId ?? latestFromOthers?.conversation.id;
    if (target === undefined) return undefined;
    const to = latestFromOthers === undefined ? this.#conversationTitle(target) : senderName(latestFromOthers);
    return { conversationId: target, to };
  }

  #renderFeed(selected: string | null): void {
    if (this.#feed === undefined) return;
    const document = this.#feed.ownerDocument;
    const latest = new Map<string, Talk.Message | undefined>();
    for (const message of [...this.#host.messages()].reverse()) {
      if (!latest.has(message.conversation.id)) latest.set(message.conversation.id, message);
    }
    if (selected !== null && !latest.has(selected)) latest.set(selected, undefined);
    const items = [...latest].map(([id, message]) => {
      const item = document.createElement("button");
      item.type = "button";
      item.style.cssText = STYLES.feedItem + (id === selected ? `;${STYLES.feedSelected}` : "");
      item.setAttribute("data-conversation-id", id);
      item.setAttribute("aria-current", String(id === selected));
      const title = document.createElement("span");
      title.style.cssText = STYLES.feedTitle;
      title.textContent = this.#conversationTitle(id);
      const preview = document.createElement("span");
      preview.style.cssText = STYLES.feedPreview;
      preview.textContent = message === undefined ? "No messages yet" : `${senderName(message)}: ${message.body}`;
      item.append(title, preview);
      item.title = `Open ${id}`;
      item.addEventListener("click", () => this.#host.userSelects(id));
      return item;
    });
    if (items.length === 0) {
      const empty = document.createElement("div");
      empty.style.cssText = STYLES.feedEmpty;
      empty.textContent = "No conversations yet.";
      this.#feed.replaceChildren(empty);
    } else {
      this.#feed.replaceChildren(...items);
    }
  }

  #renderMessages(conversationId: string | null): void {
    const document = this.#list.ownerDocument;
    const words = this.#host.highlightedWords().filter((word) => word.trim() !== "");
    const highlight = words.length === 0 ? undefined : new RegExp(`(${words.map(escapeForRegExp).join("|")})`, "gi");
    const items = this.#visibleMessages(conversationId).map((message) => {
      const item = document.createElement("li");
      item.style.cssText = message.isByMe ? STYLES.mine : STYLES.theirs;
      const meta = document.createElement("small");
      meta.style.cssText = STYLES.meta;
      meta.textContent = `${senderName(message)} · ${timeOf(message)}`;
      const body = document.createElement("span");
      for (const [index, part] of (highlight === undefined
        ? [message.body]
        : message.body.split(highlight)
      ).entries()) {
        if (part === "") continue;
        if (index % 2 === 0) {
          body.append(part);
        } else {
          const mark = document.createElement("mark");
          mark.style.cssText = STYLES.mark;
          mark.textContent = part;
          body.append(mark);
        }
      }
      item.append(meta, body);
      return item;
    });
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.style.cssText = STYLES.empty;
      empty.textContent =
        conversationId === null
          ? "No messages yet. Messages this session receives appear here, and you can reply to them."
          : `No messages in ${this.#conversationTitle(conversationId)} yet. Write the first one below.`;
      items.push(empty);
    }
    this.#list.replaceChildren(...items);
    this.#list.scrollTop = this.#list.scrollHeight;
    const target = this.#replyTarget(conversationId);
    this.#replyLabel.textContent = target === undefined ? "Nothing to reply to yet." : `Replying to ${target.to}`;
    this.#input.disabled = target === undefined;
    this.#sendButton.disabled = target === undefined;
    this.#input.placeholder = target === undefined ? "Waiting for a message…" : "Write a reply…";
  }

  #send(): void {
    const body = this.#input.value.trim();
    const target = this.#replyTarget(this.#host.displayedConversationId());
    if (body === "" || target === undefined) return;
    this.#input.value = "";
    this.#notice.textContent = "";
    this.#host.send(body, target.conversationId).catch((error: unknown) => {
      this.#notice.textContent = `Not delivered: ${error instanceof Error ? error.message : String(error)}`;
    });
  }
}
