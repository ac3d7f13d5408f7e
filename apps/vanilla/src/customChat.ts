import {
  chatPartnerIn,
  ignoreLostRead,
  conversationIdBetween,
  demoUsers,
  errorAdvice,
  followMessages,
  formatTime,
  typingText,
  type DemoUser,
} from "@x/example-shared";
import type { DataSessionController, MessagesState, PendingMessage } from "@x/session-core/data";
import { h } from "./dom";

type Message = NonNullable<MessagesState["data"]>[number];

/**
 * The custom UI, drawn from the data layer only (`@x/session-core/data`): conversations with unread badges and
 * presence dots, the open conversation's messages (older ones load on scroll), who is typing, and a composer whose
 * messages show at once (a failed one offers Retry). Returns the function that removes it.
 */
export function mountCustomChat(root: HTMLElement, talk: DataSessionController, me: DemoUser): () => void {
  const others = demoUsers.filter((user) => user.id !== me.id);
  let selected = conversationIdBetween(me.id, others[0]?.id ?? me.id);
  let loadingOlder = false;
  const stops: Array<() => void> = [];
  let conversationStops: Array<() => void> = [];

  const list = h("ul", {
    class: "demo-conversations",
    "aria-label": "Conversations",
    "data-testid": "conversation-list",
  });
  const header = h("div", { class: "demo-thread-header", "data-testid": "thread-header" });
  const messages = h("ol", {
    class: "demo-messages",
    role: "log",
    "aria-label": "Messages",
    "data-testid": "message-list",
  });
  const typing = h("p", { class: "demo-typing", "aria-live": "polite", "data-testid": "typing-indicator" });
  const input = h("input", {
    id: "custom-composer",
    autocomplete: "off",
    placeholder: "Write a message…",
    "data-testid": "composer-input",
  });
  const form = h(
    "form",
    { class: "demo-composer", "data-testid": "composer" },
    h("label", { class: "demo-visually-hidden", for: "custom-composer" }, "Message"),
    input,
    h("button", { class: "demo-button demo-button-primary", type: "submit", "data-testid": "composer-send" }, "Send"),
  );
  const errorCode = h("code", { "data-testid": "custom-error-code" });
  const errorText = h("span");
  const retry = h("button", { class: "demo-button demo-button-primary", "data-testid": "custom-retry" }, "Retry");
  const errorPanel = h(
    "div",
    { class: "demo-error", role: "alert", "data-testid": "custom-error" },
    h("p", {}, errorCode, " ", errorText),
    retry,
  );
  retry.addEventListener("click", () => talk.retry());
  root.replaceChildren(
    errorPanel,
    h("div", { class: "demo-custom-grid" }, list, h("div", { class: "demo-thread" }, header, messages, typing, form)),
  );

  const messagesQuery = () => talk.messages(selected);
  const scroll = followMessages(messages, () => {
    if (loadingOlder || messagesQuery().getState().loadedAll) return;
    loadingOlder = true;
    renderMessages();
    void messagesQuery()
      .loadMore()
      .finally(() => {
        loadingOlder = false;
        renderMessages();
      });
  });

  const presenceDot = (user: DemoUser) => {
    const online = talk.online(user.id).getState().data?.isConnected === true;
    return h("span", {
      class: "demo-presence",
      "data-online": String(online),
      "data-testid": `presence-${user.id}`,
      role: "img",
      "aria-label": online ? "online" : "offline",
    });
  };

  function renderConversations(): void {
    const conversations = talk.conversations().getState().data ?? [];
    list.replaceChildren(
      ...conversations.map((conversation) => {
        const partner = chatPartnerIn(conversation.id, me.id);
        const unread = conversation.unreadMessageCount;
        const button = h(
          "button",
          {
            class: "demo-conversation",
            "aria-current": String(conversation.id === selected),
            "data-testid": `conversation-${conversation.id}`,
          },
          h(
            "span",
            { class: "demo-avatar" },
            h("img", { src: partner?.photoUrl ?? "", alt: "" }),
            ...(partner ? [presenceDot(partner)] : []),
          ),
          h(
            "span",
            { class: "demo-conversation-text" },
            h("strong", {}, partner?.name ?? conversation.id),
            h("small", {}, conversation.lastMessage?.plaintext ?? ""),
          ),
          h(
            "span",
            {
              class: "demo-badge",
              "data-count": String(unread),
              "data-testid": "conversation-unread",
              "aria-label": `${unread} unread`,
            },
            String(unread),
          ),
        );
        button.addEventListener("click", () => select(conversation.id));
        return h("li", {}, button);
      }),
    );
    // The open conversation counts as read, also when a message arrives in it.
    if (conversations.some((conversation) => conversation.id === selected && conversation.unreadMessageCount > 0))
      talk
        .whenReady()
        .then((session) => session.conversation(selected).markAsRead())
        .catch(ignoreLostRead);
  }

  const messageItem = (message: Message) =>
    h(
      "li",
      {
        class: "demo-message",
        "data-mine": String(message.sender?.id === me.id),
        "data-status": "sent",
        "data-testid": "message",
      },
      h("small", {}, `${message.sender?.name ?? "TalkJS"} · ${formatTime(message.createdAt)}`),
      message.plaintext,
    );

  const pendingItem = (entry: PendingMessage) => {
    const failed = entry.status === "failed";
    const item = h(
      "li",
      { class: "demo-message", "data-mine": "true", "data-status": entry.status, "data-testid": "message" },
      h("small", {}, failed ? "You · not sent" : "You · sending…"),
      entry.text,
    );
    if (failed) {
      const retry = h("button", { class: "demo-button", type: "button", "data-testid": "resend" }, "Retry");
      const discard = h("button", { class: "demo-button", type: "button", "data-testid": "discard" }, "Discard");
      retry.addEventListener("click", () => void talk.resend(entry.key));
      discard.addEventListener("click", () => talk.discard(entry.key));
      item.append(h("div", { class: "demo-message-failure", role: "alert" }, "Not sent.", retry, discard));
    }
    return item;
  };

  function renderMessages(): void {
    const state = messagesQuery().getState();
    const top = h("li", { class: "demo-messages-top", "data-testid": "messages-top" });
    if (state.data === undefined)
      top.textContent = state.status === "error" ? "Could not load the messages." : "Loading messages…";
    else if (state.loadedAll) top.textContent = "This is the beginning of the conversation.";
    else if (loadingOlder) top.textContent = "Loading older messages…";
    else {
      const more = h(
        "button",
        { class: "demo-button", type: "button", "data-testid": "load-older" },
        "Load older messages",
      );
      more.addEventListener("click", () => {
        messages.scrollTop = 0;
        messages.dispatchEvent(new Event("scroll"));
      });
      top.append(more);
    }
    // TalkJS lists the newest first; a chat reads from the top down.
    messages.replaceChildren(
      top,
      ...[...(state.data ?? [])].reverse().map(messageItem),
      ...state.pending.map(pendingItem),
    );
    scroll.update();
  }

  function renderThread(): void {
    const partner = chatPartnerIn(selected, me.id);
    const online = partner !== undefined && talk.online(partner.id).getState().data?.isConnected === true;
    header.replaceChildren(
      h(
        "span",
        { class: "demo-avatar" },
        h("img", { src: partner?.photoUrl ?? "", alt: "" }),
        ...(partner ? [presenceDot(partner)] : []),
      ),
      h("div", {}, partner?.name ?? selected, h("small", {}, online ? "Online" : "Offline")),
    );
  }

  function select(conversationId: string): void {
    for (const stop of conversationStops) stop();
    selected = conversationId;
    loadingOlder = false;
    const partner = chatPartnerIn(conversationId, me.id);
    conversationStops = [
      messagesQuery().subscribe(renderMessages),
      talk.typing(conversationId).subscribe((state) => (typing.textContent = typingText(state.data))),
      ...(partner ? [talk.online(partner.id).subscribe(renderThread)] : []),
    ];
    typing.textContent = typingText(talk.typing(conversationId).getState().data);
    renderConversations();
    renderThread();
    renderMessages();
    scroll.reset();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text === "") return;
    input.value = "";
    void talk.send(selected, text); // shows at once as pending; never rejects (a failure is a `failed` entry)
  });

  // TalkJS ended the session, or refused its token: say so and offer a new session.
  const renderError = () => {
    const { error } = talk.getState();
    errorPanel.hidden = error === undefined;
    errorCode.textContent = error?.code ?? "";
    errorText.textContent = error ? errorAdvice(error) : "";
  };
  renderError();
  stops.push(talk.subscribe(renderError));
  stops.push(talk.conversations().subscribe(renderConversations));
  for (const user of others) stops.push(talk.online(user.id).subscribe(renderConversations));
  select(selected);
  return () => {
    for (const stop of [...stops, ...conversationStops]) stop();
    scroll.destroy();
    root.replaceChildren();
  };
}
