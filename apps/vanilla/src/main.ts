import "@x/example-shared/demo.css";
import {
  dataCoreFor,
  conversationIdBetween,
  demoUsers,
  boxHint,
  describeFailure,
  errorAdvice,
  formatTime,
  getConfig,
  login,
  logout,
  me,
  onLoginElsewhere,
  onTokenFetched,
  prepareTalk,
  senderName,
  statusText,
  supportContactFor,
  tokenFetcherFor,
  unreadMessageCount,
  type DemoUser,
} from "@x/example-shared";
import {
  createChatbox,
  createInbox,
  createPopup,
  createTalkSession,
  type SessionController,
  type SessionOptions,
  type SessionState,
  type UIBoxController,
  type UIBoxKind,
} from "@x/session-core";
import { createDataSession, type DataSessionController } from "@x/session-core/data";
import type Talk from "talkjs";
import { mountCustomChat } from "./customChat";
import { byTestId, h } from "./dom";

const FEED_LIMIT = 20;

const config = await getConfig();
await prepareTalk(config); // Before anything loads talkjs: offline, the fake must replace the CDN script.
const dataCore = dataCoreFor(config); // offline: the @talkjs/core fake the demo server feeds; else @talkjs/core

const view = {
  mode: byTestId("mode"),
  booting: byTestId("booting"),
  login: byTestId("login"),
  loginUsers: byTestId("login-users"),
  loginNotice: byTestId("login-notice"),
  loginFailure: byTestId("login-failure"),
  session: byTestId("session"),
  currentUser: byTestId("current-user"),
  status: byTestId("session-status"),
  unreads: byTestId("unreads"),
  badge: byTestId("unread-badge"),
  notifications: byTestId("notifications-toggle", HTMLInputElement),
  switchUsers: byTestId("switch-users"),
  logout: byTestId("logout", HTMLButtonElement),
  errorPanel: byTestId("error-panel"),
  errorCode: byTestId("error-code"),
  errorAdvice: byTestId("error-advice"),
  retry: byTestId("retry", HTMLButtonElement),
  notice: byTestId("notice"),
  feed: byTestId("message-feed"),
  feedEmpty: byTestId("feed-empty"),
  inbox: byTestId("inbox"),
  inboxLoading: byTestId("inbox-loading"),
  chatWith: byTestId("chat-with"),
  chatbox: byTestId("chatbox"),
  chatboxLoading: byTestId("chatbox-loading"),
  popupToggle: byTestId("popup-toggle", HTMLButtonElement),
  tokenInfo: byTestId("token-info"),
  tabClassic: byTestId("tab-classic", HTMLButtonElement),
  tabCustom: byTestId("tab-custom", HTMLButtonElement),
  classicUi: document.getElementById("classic-ui") ?? document.body,
  customUi: byTestId("custom-ui"),
  customChat: byTestId("custom-chat"),
};

let user: DemoUser | null = null;
let talk: SessionController | undefined;
// The boxes of this login: the core creates, selects, mounts and moves them to the next session on a user switch.
let boxes: { chatbox: UIBoxController<"chatbox">; popup: UIBoxController<"popup">; unmount: () => void } | undefined;
let chatPartner: DemoUser | undefined; // whom the Chatbox shows the conversation with
let popupShown = false;
// The custom UI's data session, started the first time its tab opens; it follows user switches like `talk`.
let custom: { talk: DataSessionController; unmount: () => void } | undefined;
let shownView: "classic" | "custom" = location.hash === "#custom" ? "custom" : "classic";

/** The other demo users: whom the current one can chat with. */
const othersThan = (current: DemoUser) => demoUsers.filter((other) => other.id !== current.id);

function sessionOptions(forUser: DemoUser): SessionOptions {
  return {
    appId: config.appId,
    userId: forUser.id,
    tokenFetcher: tokenFetcherFor(forUser.id),
    desktopNotificationsEnabled: view.notifications.checked,
  };
}

function renderState(state: SessionState): void {
  view.status.dataset.status = state.status;
  view.status.textContent = statusText(state.status);
  const unread = unreadMessageCount(state.unreads);
  view.badge.textContent = String(unread);
  view.badge.dataset.count = String(unread);
  // In error there is no session: no count to show, nothing to turn notifications on for.
  view.unreads.hidden = state.status === "error";
  view.notifications.disabled = state.status === "error";
  view.popupToggle.disabled = state.status === "error"; // no session to show a Popup for
  view.inboxLoading.textContent = boxHint("Inbox", state.status);
  view.chatboxLoading.textContent = boxHint("Chatbox", state.status);
  view.errorPanel.hidden = state.error === undefined;
  if (state.error !== undefined) {
    view.errorCode.textContent = state.error.code;
    view.errorAdvice.textContent = errorAdvice(state.error);
  }
}

/** Mounts a box into `element`, showing `loading` until it is mounted; returns its unmount. */
function mountBox<Kind extends UIBoxKind>(box: UIBoxController<Kind>, element?: HTMLElement, loading?: HTMLElement) {
  const unsubscribe = box.subscribe((state) => {
    if (loading) loading.hidden = state.status === "mounted";
    if (state.error) showNotice(`The ${element?.dataset.testid ?? "Popup"} could not be shown: ${state.error.message}`);
  });
  const unmount = box.mount(element);
  return () => {
    unsubscribe();
    unmount();
  };
}

function chatboxOptions(current: DemoUser) {
  // The conversation with the chosen partner; after a user switch, the same partner unless that is the new user.
  if (chatPartner === undefined || chatPartner.id === current.id) chatPartner = othersThan(current)[0];
  return { conversationId: chatPartner ? conversationIdBetween(current.id, chatPartner.id) : null };
}

function popupOptions(current: DemoUser) {
  return { conversationId: conversationIdBetween(current.id, supportContactFor(current).id), show: popupShown };
}

/** One Inbox, one Chatbox and one Popup for the whole login; a user switch moves them, it does not re-create them. */
function mountBoxes(controller: SessionController, current: DemoUser): void {
  const inbox = createInbox(controller);
  const chatbox = createChatbox(controller, chatboxOptions(current));
  const popup = createPopup(controller, popupOptions(current));
  const unmounts = [
    mountBox(inbox, view.inbox, view.inboxLoading),
    mountBox(chatbox, view.chatbox, view.chatboxLoading),
    mountBox(popup),
  ];
  boxes = {
    chatbox,
    popup,
    unmount: () => {
      for (const unmount of unmounts) unmount();
      for (const box of [inbox, chatbox, popup]) box.destroy();
    },
  };
}

function renderChatPartners(current: DemoUser): void {
  view.chatWith.replaceChildren(
    ...othersThan(current).map((other) => {
      const button = h(
        "button",
        {
          class: "demo-button",
          "data-testid": `chat-with-${other.id}`,
          "aria-pressed": String(other.id === chatPartner?.id),
        },
        other.name.split(" ")[0] ?? other.name,
      );
      button.addEventListener("click", () => {
        chatPartner = other;
        boxes?.chatbox.setOptions(chatboxOptions(current)); // select() on the same Chatbox
        renderChatPartners(current);
      });
      return button;
    }),
  );
}

function togglePopup(): void {
  popupShown = !popupShown;
  view.popupToggle.setAttribute("aria-pressed", String(popupShown));
  view.popupToggle.textContent = popupShown ? "Close the support Popup" : "Open the support Popup";
  if (user !== null) boxes?.popup.setOptions(popupOptions(user)); // show() or hide() on the same Popup
}

function showNotice(text: string): void {
  view.notice.textContent = text;
  view.notice.hidden = text === "";
}

function addToFeed(message: Talk.Message): void {
  view.feed.prepend(
    h(
      "li",
      { "data-testid": "feed-item" },
      h("small", {}, `${senderName(message)} · ${formatTime(message.timestamp)}`),
      message.body,
    ),
  );
  while (view.feed.children.length > FEED_LIMIT) view.feed.lastElementChild?.remove();
  view.feedEmpty.hidden = true;
}

function clearSessionView(): void {
  view.feed.replaceChildren();
  view.feedEmpty.hidden = false;
  showNotice("");
}

function renderUser(current: DemoUser): void {
  view.currentUser.replaceChildren(
    h("img", { src: current.photoUrl, alt: "" }),
    h("div", {}, current.name, h("small", {}, current.role)),
  );
  view.switchUsers.replaceChildren(
    ...demoUsers
      .filter((other) => other.id !== current.id)
      .map((other) => {
        const button = h(
          "button",
          { class: "demo-button", "data-testid": `switch-user-${other.id}` },
          other.name.split(" ")[0] ?? other.name,
        );
        button.addEventListener("click", () => void switchUser(other.id));
        return button;
      }),
  );
}

function show(screen: "login" | "session"): void {
  view.booting.hidden = true;
  view.login.hidden = screen !== "login";
  view.session.hidden = screen !== "session";
}

function showLoginNotice(text: string): void {
  view.loginNotice.textContent = text;
  view.loginNotice.hidden = text === "";
}

function startSession(current: DemoUser): void {
  user = current;
  renderUser(current);
  show("session");
  talk = createTalkSession(sessionOptions(current));
  const controller = talk;
  controller.subscribe(() => renderState(controller.getState()));
  controller.on("message", addToFeed);
  controller.on("error", (error) => {
    if (error.code === "desktop-notifications-failed") {
      view.notifications.checked = false;
      showNotice(errorAdvice(error));
    }
  });
  controller.connect(); // Held for the whole login; logout destroys the controller instead of releasing.
  mountBoxes(controller, current);
  renderChatPartners(current);
  renderState(controller.getState());
  showView(shownView);
}

function startCustomChat(current: DemoUser): void {
  const options = {
    appId: config.appId,
    userId: current.id,
    tokenFetcher: tokenFetcherFor(current.id),
    core: dataCore,
  };
  custom?.unmount();
  // On a user switch the same controller ends the old user's TalkJS session and starts the new one's.
  custom?.talk.setOptions(options);
  const dataTalk = custom?.talk ?? createDataSession(options);
  custom = { talk: dataTalk, unmount: mountCustomChat(view.customChat, dataTalk, current) };
}

function endCustomChat(): void {
  custom?.unmount();
  custom?.talk.destroy();
  custom = undefined;
}

function showView(next: "classic" | "custom"): void {
  shownView = next;
  view.tabClassic.setAttribute("aria-selected", String(next === "classic"));
  view.tabCustom.setAttribute("aria-selected", String(next === "custom"));
  view.classicUi.hidden = next !== "classic";
  view.customUi.hidden = next !== "custom";
  if (next === "custom" && user !== null && custom === undefined) startCustomChat(user);
}

function disableSessionActions(disabled: boolean): void {
  for (const button of view.switchUsers.querySelectorAll("button")) button.disabled = disabled;
  view.logout.disabled = disabled;
}

/** Shows `next`'s session in place of the current user's: the core replaces the Talk.Session, handlers stay. */
function changeUser(next: DemoUser): void {
  user = next;
  clearSessionView();
  renderUser(next);
  talk?.setOptions(sessionOptions(next));
  // The boxes follow the new session by themselves; only what they show depends on who is logged in.
  boxes?.chatbox.setOptions(chatboxOptions(next));
  boxes?.popup.setOptions(popupOptions(next));
  renderChatPartners(next);
  if (custom !== undefined) startCustomChat(next);
}

async function switchUser(userId: string): Promise<void> {
  if (talk === undefined) return;
  disableSessionActions(true);
  showNotice("");
  try {
    changeUser(await login(userId)); // First the cookie, so the token endpoint signs for the new user.
  } catch (error) {
    showNotice(describeFailure("switch user", error)); // The cookie and the session still belong to the old user.
  } finally {
    disableSessionActions(false);
  }
}

function endSession(): void {
  endCustomChat();
  boxes?.unmount();
  boxes = undefined;
  talk?.destroy();
  talk = undefined;
  user = null;
  clearSessionView();
}

async function logOut(): Promise<void> {
  const leaving = user;
  endSession();
  disableSessionActions(true);
  try {
    await logout();
    show("login");
  } catch (error) {
    // The server still has the login: back to a session for the same user.
    if (leaving !== null) startSession(leaving);
    showNotice(describeFailure("log out", error));
  } finally {
    disableSessionActions(false);
  }
}

async function logInAs(userId: string): Promise<void> {
  for (const other of view.loginUsers.querySelectorAll("button")) other.disabled = true;
  view.loginFailure.hidden = true;
  showLoginNotice("");
  try {
    startSession(await login(userId));
  } catch (error) {
    view.loginFailure.textContent = describeFailure("log in", error);
    view.loginFailure.hidden = false;
  } finally {
    for (const other of view.loginUsers.querySelectorAll("button")) other.disabled = false;
  }
}

function renderLogin(): void {
  view.loginUsers.replaceChildren(
    ...demoUsers.map((demoUser) => {
      const button = h(
        "button",
        { class: "demo-user", "data-testid": `login-user-${demoUser.id}` },
        h("img", { src: demoUser.photoUrl, alt: "" }),
        h("strong", {}, demoUser.name),
        h("small", {}, demoUser.role),
      );
      button.addEventListener("click", () => void logInAs(demoUser.id));
      return button;
    }),
  );
}

view.mode.textContent = config.mode === "offline" ? "Offline demo · TalkJS fake" : `TalkJS app ${config.appId}`;
view.mode.hidden = false;
view.notifications.addEventListener("change", () => {
  showNotice("");
  if (talk !== undefined && user !== null) talk.setOptions(sessionOptions(user)); // Applied without a new session.
});
view.retry.addEventListener("click", () => talk?.retry());
view.popupToggle.addEventListener("click", togglePopup);
view.tabClassic.addEventListener("click", () => showView("classic"));
view.tabCustom.addEventListener("click", () => showView("custom"));
view.logout.addEventListener("click", () => void logOut());
onTokenFetched(({ count, fetchedAt, expiresInSeconds }) => {
  view.tokenInfo.textContent = `Token #${count} fetched at ${formatTime(fetchedAt)}, valid for ${expiresInSeconds} s; TalkJS asks for a fresh one before it expires.`;
});
// All tabs share the login cookie: when another tab switches user or logs out, this one follows and says so.
onLoginElsewhere(({ user: next, notice }) => {
  if (next === null) {
    endSession();
    show("login");
    showLoginNotice(notice);
  } else if (talk === undefined) {
    showLoginNotice("");
    startSession(next);
    showNotice(notice);
  } else {
    changeUser(next);
    showNotice(notice);
  }
});

renderLogin();
const current = await me();
if (current === null) show("login");
else startSession(current);
