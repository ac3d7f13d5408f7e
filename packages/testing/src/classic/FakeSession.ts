import type Talk from "talkjs";
import { EventHub } from "../shared/EventHub.js";
import { fakeConversationData } from "./fakeConversationData.js";
import { fakeMessage, type FakeMessageInit } from "./fakeMessage.js";
import { fakeUnreadConversation } from "./fakeUnreadConversation.js";
import type { FakeRuntime, FakeRuntimeSettings } from "./FakeRuntime.js";
import type { AnyFakeUIBox } from "./AnyFakeUIBox.js";
import { fakeConversationBuilder, type FakeConversationBuilder } from "./fakeConversationBuilder.js";
import { FakeChatbox } from "./FakeChatbox.js";
import { FakeInbox } from "./FakeInbox.js";
import { FakePopup } from "./FakePopup.js";
import type { FakeUIBox, FakeUIBoxSetup } from "./FakeUIBox.js";
import type { FakeUIBoxKind } from "./FakeUIBoxEventName.js";
import { FakeUser } from "./FakeUser.js";
import { readTokenExpiry } from "../shared/jwt.js";
import { talkError } from "./talkError.js";
import { startTimer, stopTimer, type TimerHandle } from "../shared/timers.js";
import { validateSessionOptions } from "./validateSessionOptions.js";
import { verifyTestToken } from "../shared/verifyTestToken.js";

/**
 * What `clickDesktopNotification` puts into the event; the conversation may be partial.
 * @example
 * talk.clickDesktopNotification({ conversation: { id: "order-42" } });
 */
export interface FakeDesktopNotificationInit {
  conversation?: Partial<Talk.ConversationData>;
}

type MessageHandler = (message: Talk.Message) => void;
type NotificationClickHandler = (event: Talk.DesktopNotificationClickedEvent) => void;
type UnreadsHandler = (unreadConversations: Talk.UnreadConversation[]) => void;
type TokenCheck = { ok: true; exp: number | undefined } | { ok: false; reason: string };

const UNREADS_CHANGE = "unreadsChange";
const MESSAGE_HISTORY_LIMIT = 100;
const LEGACY_EVENTS = new Set(["message", "desktopNotificationClicked"]);
const noop = (): void => undefined;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function assertHandler(method: string, handler: unknown): void {
  if (typeof handler !== "function")
    throw new Error(`[TalkJS] ${method} needs a handler function; got ${typeof handler}.`);
}

function deniedEvent(type: Talk.PermissionType): Talk.BrowserPermissionDeniedEvent & Talk.BrowserPermissionNeededEvent {
  return { type, preventDefault: noop };
}

/** Tells the deprecated `(conversation, options)` form from `(options)`: a string or an object with an id is a conversation. */
function splitCreateArguments<Options>(first: unknown, options: Options | undefined): [unknown, Options | undefined] {
  const isConversation = typeof first === "string" || (typeof first === "object" && first !== null && "id" in first);
  if (isConversation || first === null) return [first, options];
  return [undefined, (first as Options | undefined) ?? options];
}

function subscription(remove: () => void): Talk.Subscription {
  return { unsubscribe: remove };
}

/**
 * The fake `Talk.Session` (reach it as `new talk.Session(...)` or `talk.sessions`).
 * Besides the SDK members it has test-only extras: `options`, `tokens`, `tokenFetchCount`, `authenticated`,
 * `desktopNotificationsEnabled`, `subscriptionCount()` and the emit helpers the `FakeTalk` controls call.
 * @example
 * const session = new talk.Session({ appId: "test-app", userId: "pete" });
 * session.onMessage((message) => console.log(message.body));
 * session.emitMessage({ body: "Hi" });
 */
export class FakeSession {
  readonly appId: string;
  readonly me: Talk.User;
  readonly unreads: Talk.Unreads;
  /** Test-only: the options object given to the constructor. */
  readonly options: Talk.SessionOptions;

  #runtime: FakeRuntime;
  #events = new EventHub();
  #alive = true;
  #boxes: AnyFakeUIBox[] = [];
  #tokens: string[] = [];
  #tokenFetchCount = 0;
  #authenticated = false;
  #authenticationFailure: string | undefined;
  #authAttempt = 0;
  #pendingAuthentication: Promise<void> = Promise.resolve();
  #refreshTimer: TimerHandle | undefined;
  #unreadConversations: Talk.UnreadConversation[] = [];
  #unreadsEmitted = false;
  #desktopNotificationsEnabled: boolean | undefined;
  #receivedMessages: Talk.Message[] = [];

  /**
   * @internal Use `new talk.Session(options)`; the fake's class passes its runtime here.
   * @throws TypeError before `ready`; Error for invalid options or an injected failure.
   */
  constructor(options: Talk.SessionOptions, runtime: FakeRuntime) {
    runtime.assertLoaded("Session");
    validateSessionOptions(options);
    const failure = runtime.takeSessionFailure();
    if (failure !== undefined) throw failure;
    this.#runtime = runtime;
    this.options = options;
    this.appId = options.appId;
    // The fake stands in for the SDK, whose User class is not loaded: a FakeUser is this fake's Talk.User.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- a fake's user is a FakeUser by design
    this.me = options.me ?? new FakeUser(options.userId ?? "");
    this.unreads = this.#createUnreads();
    runtime.registerSession(this);
    this.#startAuthentication();
  }

  get isAlive(): boolean {
    return this.#alive;
  }

  /** Test-only: every token this session was given (constructor, then each fetched one), in order. */
  get tokens(): readonly string[] {
    return [...this.#tokens];
  }

  /** Test-only: how many times this session called its `tokenFetcher`. */
  get tokenFetchCount(): number {
    return this.#tokenFetchCount;
  }

  /** Test-only: the result of the latest credential check. */
  get authenticated(): boolean {
    return this.#authenticated;
  }

  /** Test-only: why the latest credential check failed, or `undefined`. */
  get authenticationFailure(): string | undefined {
    return this.#authenticationFailure;
  }

  /** Test-only: `undefined` until `setDesktopNotificationEnabled` succeeds. */
  get desktopNotificationsEnabled(): boolean | undefined {
    return this.#desktopNotificationsEnabled;
  }

  /** Test-only: the unread conversations last emitted (`[]` at first). */
  get unreadConversations(): Talk.UnreadConversation[] {
    return [...this.#unreadConversations];
  }

  /** Test-only: the messages this session emitted (received or sent from a fake box), oldest first, at most 100. */
  get receivedMessages(): readonly Talk.Message[] {
    return [...this.#receivedMessages];
  }

  /** Test-only: live SDK subscriptions of this session (on* subscriptions, legacy on(), unreads). */
  subscriptionCount(): number {
    return this.#events.count();
  }

  /** Resolves once the pending authentication settles; never rejects. */
  hasValidCredentials(): Promise<boolean> {
    this.#assertAlive("hasValidCredentials");
    return (async () => {
      let settled: Promise<void>;
      do {
        settled = this.#pendingAuthentication;
        await settled;
      } while (settled !== this.#pendingAuthentication);
      return this.#alive && this.#authenticated;
    })();
  }

  on(eventType: "message", handler: (message: Talk.Message) => void): void;
  on(eventType: "desktopNotificationClicked", handler: (event: Talk.DesktopNotificationClickedEvent) => void): void;
  on(eventType: "message" | "desktopNotificationClicked", handler: MessageHandler | NotificationClickHandler): void {
    this.#assertAlive("on");
    this.#assertLegacyEvent("on", eventType);
    assertHandler(`session.on("${eventType}")`, handler);
    this.#events.add(eventType, handler, true);
  }

  off(eventType: "message", handler: (message: Talk.Message) => void): void;
  off(eventType: "desktopNotificationClicked", handler: (event: Talk.DesktopNotificationClickedEvent) => void): void;
  off(eventType: "message" | "desktopNotificationClicked", handler: MessageHandler | NotificationClickHandler): void {
    this.#assertAlive("off");
    this.#assertLegacyEvent("off", eventType);
    this.#events.removeLegacy(eventType, handler);
  }

  onMessage(handler: (message: Talk.Message) => void): Talk.Subscription {
    return this.#subscribe("onMessage", "message", handler);
  }

  onDesktopNotificationClicked(handler: (event: Talk.DesktopNotificationClickedEvent) => void): Talk.Subscription {
    return this.#subscribe("onDesktopNotificationClicked", "desktopNotificationClicked", handler);
  }

  /** The handler type is the SDK's own (it may return a promise the prompt waits for). */
  onBrowserPermissionNeeded(handler: Parameters<Talk.Session["onBrowserPermissionNeeded"]>[0]): Talk.Subscription {
    return this.#subscribe("onBrowserPermissionNeeded", "browserPermissionNeeded", handler);
  }

  /** The SDK types this event as a `BrowserPermissionNeededEvent`, so the fake's event also has a no-op `preventDefault`. */
  onBrowserPermissionDenied(handler: (event: Talk.BrowserPermissionNeededEvent) => void): Talk.Subscription {
    return this.#subscribe("onBrowserPermissionDenied", "browserPermissionDenied", handler);
  }

  /**
   * Enabling needs notification permission: with "denied" it emits `browserPermissionDenied` and rejects with
   * code `NOTIFICATIONS_PERMISSION_DENIED`; with "unsupported" it rejects with `NOTIFICATIONS_NOT_SUPPORTED`.
   */
  setDesktopNotificationEnabled(
    isEnabled: boolean,
    // The fake never shows an alert(), so `alertOnFailure` (default true in TalkJS) is accepted and ignored.
    { alertOnFailure: _alertOnFailure = true }: { alertOnFailure?: boolean } = {},
  ): Promise<void> {
    this.#assertAlive("setDesktopNotificationEnabled");
    return Promise.resolve().then(() => {
      const permission = this.#runtime.settings.notificationPermission;
      if (!isEnabled || permission === "granted") {
        if (this.#alive) this.#desktopNotificationsEnabled = isEnabled;
        return;
      }
      if (permission === "unsupported") {
        throw talkError(
          "NOTIFICATIONS_NOT_SUPPORTED",
          "[TalkJS] Desktop notifications are not supported by this browser.",
        );
      }
      if (this.#alive) this.#events.emit("browserPermissionDenied", deniedEvent("notifications"));
      throw talkError(
        "NOTIFICATIONS_PERMISSION_DENIED",
        "[TalkJS] The user denied permission to show desktop notifications.",
      );
    });
  }

  /** A fake Inbox; `options.selected` (deprecated) is the conversation it starts with. */
  createInbox(options?: Talk.InboxOptions): FakeInbox {
    this.#assertAlive("createInbox");
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the SDK still honours the deprecated option
    return this.#createBox("inbox", options?.selected, options, (setup) => new FakeInbox(setup));
  }

  createChatbox(options?: Talk.ChatboxOptions): FakeChatbox;
  /** @deprecated As in TalkJS: create with options, then `select(conversation)`. */
  createChatbox(
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- mirrors the SDK's deprecated two-argument form
    conversation: Talk.Conversation | Talk.ConversationBuilder | null | undefined,
    options?: Talk.ChatboxOptions,
  ): FakeChatbox;
  createChatbox(conversationOrOptions?: unknown, options?: Talk.ChatboxOptions): FakeChatbox {
    this.#assertAlive("createChatbox");
    const [conversation, chosen] = splitCreateArguments<Talk.ChatboxOptions>(conversationOrOptions, options);
    return this.#createBox("chatbox", conversation, chosen, (setup) => new FakeChatbox(setup));
  }

  createPopup(options?: Talk.PopupOptions): FakePopup;
  /** @deprecated As in TalkJS: create with options, then `select(conversation)`. */
  createPopup(
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- mirrors the SDK's deprecated two-argument form
    conversation: Talk.Conversation | Talk.ConversationBuilder | null | undefined,
    options?: Talk.PopupOptions,
  ): FakePopup;
  createPopup(conversationOrOptions?: unknown, options?: Talk.PopupOptions): FakePopup {
    this.#assertAlive("createPopup");
    const [conversation, chosen] = splitCreateArguments<Talk.PopupOptions>(conversationOrOptions, options);
    return this.#createBox("popup", conversation, chosen, (setup) => new FakePopup(setup));
  }

  getInboxes(): FakeInbox[] {
    this.#assertAlive("getInboxes");
    return this.#boxes.filter((box) => box.kind === "inbox");
  }

  getChatboxes(): FakeChatbox[] {
    this.#assertAlive("getChatboxes");
    return this.#boxes.filter((box) => box.kind === "chatbox");
  }

  getPopups(): FakePopup[] {
    this.#assertAlive("getPopups");
    return this.#boxes.filter((box) => box.kind === "popup");
  }

  /** A ConversationBuilder for `select()`/`syncConversation`; the fake keeps no conversations, so it is always new. */
  getOrCreateConversation(conversationId: string): FakeConversationBuilder {
    this.#assertAlive("getOrCreateConversation");
    if (typeof conversationId !== "string" || conversationId === "") {
      throw new TypeError(
        `[TalkJS] getOrCreateConversation(conversationId) needs a non-empty string; got ${JSON.stringify(conversationId)}.`,
      );
    }
    return fakeConversationBuilder(conversationId);
  }

  /** Idempotent: stops token refreshes, drops every subscription and destroys the UI boxes. */
  destroy(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#authAttempt += 1;
    stopTimer(this.#refreshTimer);
    this.#refreshTimer = undefined;
    this.#events.clear();
    for (const box of [...this.#boxes]) box.destroy();
  }

  /** Test-only: emits "message" now and returns the message; a throwing handler's error is rethrown after all ran. */
  emitMessage(init: FakeMessageInit = {}): Talk.Message {
    this.#assertAlive("emitMessage");
    const message = fakeMessage({ isByMe: init.senderId !== undefined && init.senderId === this.me.id, ...init });
    // Boxes show the message before handlers run, so a throwing handler cannot hide it from the UI.
    this.#receivedMessages = [...this.#receivedMessages.slice(-(MESSAGE_HISTORY_LIMIT - 1)), message];
    for (const box of this.#boxes) box.refresh();
    this.#events.emit("message", message);
    return message;
  }

  /** Test-only: replaces the unread conversations (a number makes that many) and calls the unreads handlers. */
  setUnreads(unreads: Talk.UnreadConversation[] | number): void {
    this.#assertAlive("setUnreads");
    this.#unreadConversations =
      typeof unreads === "number"
        ? Array.from({ length: unreads }, (_, index) =>
            fakeUnreadConversation({ conversation: { id: `conversation-${index + 1}` } }),
          )
        : [...unreads];
    this.#unreadsEmitted = true;
    // A conversation a box shows is read at once, as in TalkJS: it never reaches the handlers as unread.
    if (!this.#markOnScreenRead()) this.#events.emit(UNREADS_CHANGE, [...this.#unreadConversations]);
  }

  /** Test-only: emits "desktopNotificationClicked" as if the user clicked a notification. */
  clickDesktopNotification(init: FakeDesktopNotificationInit = {}): void {
    this.#assertAlive("clickDesktopNotification");
    const event: Talk.DesktopNotificationClickedEvent = { conversation: fakeConversationData(init.conversation) };
    this.#events.emit("desktopNotificationClicked", event);
  }

  /**
   * Test-only: what TalkJS does before a browser prompt. Emits `browserPermissionNeeded`, waits for every promise
   * the handlers returned (rejections ignored), then emits `browserPermissionDenied` if the permission is "denied".
   * With "unsupported" no event fires (no Permissions API); a handler calling `preventDefault()` cancels the prompt.
   */
  requestBrowserPermission(type: Talk.PermissionType = "notifications"): Promise<"granted" | "denied" | "unsupported"> {
    this.#assertAlive("requestBrowserPermission");
    const permission = this.#runtime.settings.notificationPermission;
    if (permission === "unsupported") return Promise.resolve(permission);
    // An object, not a `let`: a handler sets it during the emit below, which control-flow narrowing cannot see.
    const state = { prevented: false };
    const event: Talk.BrowserPermissionNeededEvent = {
      type,
      preventDefault: () => {
        state.prevented = true;
      },
    };
    return (async () => {
      const results = this.#events.emit("browserPermissionNeeded", event);
      await Promise.allSettled(results.filter(isPromiseLike));
      if (this.#alive && !state.prevented && permission === "denied") {
        this.#events.emit("browserPermissionDenied", deniedEvent(type));
      }
      return permission;
    })();
  }

  /** Test-only: calls `tokenFetcher` now as TalkJS does before `exp`; records and checks the token. Rejects if it fails. */
  refreshToken(): Promise<string> {
    this.#assertAlive("refreshToken");
    if (this.options.tokenFetcher === undefined) {
      return Promise.reject(new Error("[TalkJS fake] refreshToken(): this session has no tokenFetcher to ask."));
    }
    stopTimer(this.#refreshTimer);
    this.#refreshTimer = undefined;
    return this.#authenticate(() => this.#callTokenFetcher(), false);
  }

  #startAuthentication(): void {
    // The fake supports TalkJS's legacy signature option because the real SDK still does.
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- reading the deprecated option is the point here
    const { token, tokenFetcher, signature } = this.options;
    if (token !== undefined) {
      this.#tokens.push(token);
      this.#authenticate(() => token, true, false).catch(noop);
    } else if (tokenFetcher !== undefined) {
      this.#authenticate(() => this.#callTokenFetcher(), true).catch(noop);
    } else {
      // Without a token, only the legacy signature (or a fake with no secret) authenticates.
      const refusal = !this.#appIdAccepted()
        ? `unknown app id ${JSON.stringify(this.appId)}`
        : (this.#runtime.settings.secret !== undefined || this.#runtime.settings.verifyToken !== undefined) &&
            signature === undefined
          ? "no token: this fake verifies JWTs, so give a token or tokenFetcher"
          : undefined;
      this.#authenticated = refusal === undefined;
      this.#authenticationFailure = refusal;
    }
    void this.#pendingAuthentication.then(() => this.#emitInitialUnreads());
  }

  #callTokenFetcher(): string | Promise<string> {
    const { tokenFetcher } = this.options;
    this.#tokenFetchCount += 1;
    if (tokenFetcher === undefined) throw new Error("[TalkJS fake] This session has no tokenFetcher.");
    return tokenFetcher();
  }

  /** Gets a token, records it, checks it and schedules the next refresh; the latest attempt decides `authenticated`. */
  #authenticate(getToken: () => string | Promise<string>, initial: boolean, record = true): Promise<string> {
    const attempt = ++this.#authAttempt;
    const isCurrent = (): boolean => this.#alive && attempt === this.#authAttempt;
    const refuse = (reason: string): void => {
      if (!isCurrent()) return;
      this.#authenticated = false;
      this.#authenticationFailure = reason;
    };
    const work = (async () => {
      await Promise.resolve(); // TalkJS asks for tokens asynchronously, never inside the constructor.
      let token: unknown;
      try {
        token = await getToken();
      } catch (error) {
        refuse(`tokenFetcher failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      }
      if (typeof token !== "string" || token === "") {
        const problem = `tokenFetcher must return a non-empty string; got ${typeof token === "string" ? '""' : typeof token}.`;
        refuse(problem);
        throw new Error(`[TalkJS] ${problem}`);
      }
      if (!this.#alive) return token;
      if (record) this.#tokens.push(token);
      const check = await this.#checkToken(token);
      if (isCurrent()) {
        this.#authenticated = check.ok;
        this.#authenticationFailure = check.ok ? undefined : check.reason;
        // A rejected first token is still refreshed at its exp (at once if expired); a rejected fetched one is not, to avoid a loop.
        const exp = check.ok ? check.exp : initial ? readTokenExpiry(token) : undefined;
        if (exp !== undefined) this.#scheduleRefresh(exp);
      }
      return token;
    })();
    this.#pendingAuthentication = work.then(noop, noop);
    return work;
  }

  async #checkToken(token: string): Promise<TokenCheck> {
    if (!this.#appIdAccepted()) return { ok: false, reason: `unknown app id ${JSON.stringify(this.appId)}` };
    const { secret, verifyToken } = this.#runtime.settings;
    if (verifyToken !== undefined) return this.#checkTokenWith(verifyToken, token);
    if (secret === undefined) {
      const exp = readTokenExpiry(token);
      if (exp !== undefined && exp * 1000 <= Date.now()) return { ok: false, reason: "the token has expired" };
      return { ok: true, exp };
    }
    try {
      return await verifyTestToken(token, { secret, appId: this.appId, userId: this.me.id });
    } catch (error) {
      return {
        ok: false,
        reason: `could not verify the token: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }

  async #checkTokenWith(
    verifyToken: NonNullable<FakeRuntimeSettings["verifyToken"]>,
    token: string,
  ): Promise<TokenCheck> {
    try {
      // Only a literal `true` accepts: a JavaScript verifyToken returning some other truthy value refuses the token.
      const accepted: unknown = await verifyToken(token, { appId: this.appId, userId: this.me.id });
      return accepted === true
        ? { ok: true, exp: readTokenExpiry(token) }
        : { ok: false, reason: "verifyToken refused the token" };
    } catch (error) {
      return { ok: false, reason: `verifyToken failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  #scheduleRefresh(expSeconds: number): void {
    if (this.options.tokenFetcher === undefined) return;
    stopTimer(this.#refreshTimer);
    const delayMs = expSeconds * 1000 - this.#runtime.settings.refreshBeforeExpiryMs - Date.now();
    this.#refreshTimer = startTimer(() => {
      this.#refreshTimer = undefined;
      if (this.#alive) this.#authenticate(() => this.#callTokenFetcher(), false).catch(noop);
    }, delayMs);
  }

  #appIdAccepted(): boolean {
    const { appIds } = this.#runtime.settings;
    return appIds === undefined || appIds.includes(this.appId);
  }

  /** TalkJS fires unreads "change" once right after it loads; nobody can catch a throw here, so it is logged. */
  #emitInitialUnreads(): void {
    if (!this.#alive || !this.#authenticated || this.#unreadsEmitted) return;
    this.#unreadsEmitted = true;
    try {
      this.#events.emit(UNREADS_CHANGE, [...this.#unreadConversations]);
    } catch (error) {
      console.error("[TalkJS fake] An unreads change handler threw:", error);
    }
  }

  #createUnreads(): Talk.Unreads {
    return {
      // The real SDK still has the deprecated unreads.on()/off(), so the fake implements them too.
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- implementing the SDK's deprecated member
      on: (eventType: "change", handler: UnreadsHandler): void => {
        this.#assertAlive("unreads.on");
        this.#assertUnreadsEvent("unreads.on", eventType);
        assertHandler('unreads.on("change")', handler);
        this.#events.add(UNREADS_CHANGE, handler, true);
      },
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- implementing the SDK's deprecated member
      off: (eventType: "change", handler: UnreadsHandler): void => {
        this.#assertAlive("unreads.off");
        this.#assertUnreadsEvent("unreads.off", eventType);
        this.#events.removeLegacy(UNREADS_CHANGE, handler);
      },
      onChange: (handler: UnreadsHandler): Talk.Subscription =>
        this.#subscribe("unreads.onChange", UNREADS_CHANGE, handler),
    };
  }

  #subscribe(method: string, eventName: string, handler: (payload: never) => unknown): Talk.Subscription {
    this.#assertAlive(method);
    assertHandler(method, handler);
    return subscription(this.#events.add(eventName, handler));
  }

  /** The names of a conversation's participants other than me, from the `participants` and `userName` options. */
  #participantNames(conversationId: string): readonly string[] {
    try {
      const ids = this.#runtime.settings.participants?.(conversationId) ?? [];
      return ids.filter((id) => id !== this.me.id).map((id) => this.#runtime.settings.userName?.(id) || id);
    } catch {
      return []; // a throwing lookup must not break drawing
    }
  }

  /** TalkJS marks a conversation read while a box shows it: drops those from the unreads (emitting) and tells `onRead`. */
  #markOnScreenRead(): boolean {
    if (!this.#alive) return false;
    const onScreen = new Set(this.#boxes.map((box) => box.onScreenConversationId).filter((id) => id !== null));
    const read = this.#unreadConversations.filter((entry) => onScreen.has(entry.conversation.id));
    if (read.length === 0) return false;
    this.#unreadConversations = this.#unreadConversations.filter((entry) => !onScreen.has(entry.conversation.id));
    if (this.#unreadsEmitted) this.#events.emit(UNREADS_CHANGE, [...this.#unreadConversations]);
    for (const entry of read) {
      try {
        this.#runtime.settings.onRead?.(entry.conversation.id, this);
      } catch (error) {
        console.error("[TalkJS fake] The onRead option threw:", error);
      }
    }
    return true;
  }

  /** What the boxes call the user: the name `me` was created with, else the one the `userName` option knows, else the id. */
  #myName(): string {
    if (this.me.name) return this.me.name;
    try {
      return this.#runtime.settings.userName?.(this.me.id) || this.me.id;
    } catch {
      return this.me.id; // a throwing lookup must not break mounting
    }
  }

  #createBox<Kind extends FakeUIBoxKind, Box extends AnyFakeUIBox>(
    kind: Kind,
    conversation: unknown,
    options: FakeUIBoxSetup<Kind>["options"],
    construct: (setup: FakeUIBoxSetup<Kind>) => Box,
  ): Box {
    const box = construct({
      kind,
      session: this,
      runtime: this.#runtime,
      myName: this.#myName(),
      options,
      conversation,
      messages: () => this.#receivedMessages,
      send: (body, conversationId) => this.#sendFromBox(body, conversationId),
      participantNames: (conversationId) => this.#participantNames(conversationId),
      onScreenChanged: () => this.#markOnScreenRead(),
      onDestroy: (destroyed: FakeUIBox) => {
        this.#boxes = this.#boxes.filter((candidate) => candidate !== destroyed);
      },
    });
    this.#boxes.push(box);
    this.#runtime.ui.registerBox(box);
    return box;
  }

  /** A reply typed into a fake box: emitted locally as TalkJS does for your own messages, then handed to `onSend`. */
  async #sendFromBox(body: string, conversationId: string): Promise<void> {
    let message: Talk.Message | undefined;
    try {
      message = this.emitMessage({
        senderId: this.me.id,
        isByMe: true,
        body,
        read: true,
        conversation: { id: conversationId },
      });
    } catch (error) {
      // The message was emitted; only an app handler threw, which must not stop the send.
      console.error("[TalkJS fake] A message handler threw:", error);
      message = this.#receivedMessages[this.#receivedMessages.length - 1];
    }
    if (message !== undefined) await this.#runtime.settings.onSend?.(message, this);
  }

  #assertLegacyEvent(method: string, eventType: unknown): void {
    if (!LEGACY_EVENTS.has(eventType as string)) {
      throw new Error(
        `[TalkJS] session.${method}(${JSON.stringify(eventType)}) is not supported; use "message" or "desktopNotificationClicked", or the on<Event> methods.`,
      );
    }
  }

  #assertUnreadsEvent(method: string, eventType: unknown): void {
    if (eventType !== "change")
      throw new Error(
        `[TalkJS] ${method}(${JSON.stringify(eventType)}) is not supported; the only unreads event is "change".`,
      );
  }

  #assertAlive(method: string): void {
    if (!this.#alive) {
      throw new Error(
        `[TalkJS] This session has been destroyed, so ${method}() can no longer be called. Create a new Talk.Session instead.`,
      );
    }
  }
}
