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
  readonly options: unknown;
  readonly conversationId: string | undefined;
  readonly onDestroy: (box: FakeUIBox) => void;
}

function conversationIdOf(conversation: unknown): string | undefined {
  if (typeof conversation === "string") return conversation;
  if (typeof conversation === "object" && conversation !== null && "id" in conversation) {
    const { id } = conversation as { id: unknown };
    return typeof id === "string" ? id : undefined;
  }
  return undefined;
}

function isElement(target: unknown): target is HTMLElement {
  return typeof target === "object" && target !== null && "ownerDocument" in target && "appendChild" in target;
}

/**
 * The box returned by the fake session's `createInbox`, `createChatbox` and `createPopup`.
 * `mount(el)` renders a small labelled offline view with plain DOM; `destroy()` removes it.
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
  #conversation: Talk.ConversationData | null;

  /** @internal Created by a fake session. */
  constructor(context: FakeUIBoxContext) {
    this.#context = context;
    this.kind = context.kind;
    this.options = context.options;
    this.#conversation = context.conversationId === undefined ? null : fakeConversationData({ id: context.conversationId });
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
    const target = isElement(container) ? container : this.kind === "popup" ? globalThis.document?.body : undefined;
    if (target === undefined) {
      if (this.kind === "popup") return Promise.resolve();
      return Promise.reject(new Error(`[TalkJS] ${KIND_TITLES[this.kind]}.mount(container) needs an HTMLElement; got ${String(container)}.`));
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
    this.#context.onDestroy(this);
  }

  #render(container: HTMLElement): HTMLElement {
    const document = container.ownerDocument;
    const { me, appId, kind } = this.#context;
    const root = document.createElement("section");
    root.setAttribute("data-talkjs-fake", kind);
    root.setAttribute("aria-label", FAKE_UI_LABEL);
    root.style.cssText =
      "box-sizing:border-box;font:14px/1.4 system-ui,sans-serif;border:2px dashed #9a9a9a;border-radius:8px;padding:12px;color:#333;background:#fafafa";
    const title = document.createElement("strong");
    title.textContent = FAKE_UI_LABEL;
    const details = document.createElement("p");
    details.textContent = `${KIND_TITLES[kind]} for ${me.name || me.id} (${me.id}) in app ${appId}`;
    const conversation = document.createElement("p");
    conversation.textContent = this.#conversation === null ? "No conversation selected." : `Conversation: ${this.#conversation.id}`;
    root.append(title, details, conversation);
    container.textContent = "";
    container.appendChild(root);
    return root;
  }
}
