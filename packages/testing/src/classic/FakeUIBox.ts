import type Talk from "talkjs";
import { EventHub } from "../shared/EventHub.js";
import { fakeConversationData } from "./fakeConversationData.js";
import type { FakeRuntime } from "./FakeRuntime.js";
import type { FakeSession } from "./FakeSession.js";
import { eventNamesOf, fakeUIBoxEvent } from "./fakeUIBoxEvent.js";
import type { FakeUIBoxEventInit, FakeUIBoxEventName, FakeUIBoxKind } from "./FakeUIBoxEventName.js";
import { FakeUIBoxView, type FakeUIBoxViewHost } from "./FakeUIBoxView.js";
import { startTimer, stopTimer, type TimerHandle } from "../shared/timers.js";

/**
 * One SDK call made on a fake box, as recorded in its `calls` log: the method name (`"select"`, `"setPresence"`,
 * `"onSendMessage"`, `"messageField.setText"`, ...) and the arguments exactly as given.
 * @example
 * expect(chatbox.calls.filter((call) => call.method === "select")).toHaveLength(1);
 */
export interface FakeUIBoxCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

/**
 * The creation options of each kind of box, as given to `createChatbox` / `createInbox` / `createPopup`.
 * @example
 * const options: FakeUIBoxOptionsOf<"inbox"> = { feedFilter: { hasUnreadMessages: true } };
 */
export type FakeUIBoxOptionsOf<Kind extends FakeUIBoxKind> = {
  chatbox: Talk.ChatboxOptions;
  inbox: Talk.InboxOptions;
  popup: Talk.PopupOptions;
}[Kind];

/** What a fake session hands to the boxes it creates. */
export interface FakeUIBoxSetup<Kind extends FakeUIBoxKind> {
  readonly kind: Kind;
  readonly session: FakeSession;
  readonly runtime: FakeRuntime;
  /** How the header names the user (`me.name`, the `userName` option, or the id). */
  readonly myName: string;
  readonly options: FakeUIBoxOptionsOf<Kind> | undefined;
  /** The conversation given to the deprecated two-argument `create*` or `InboxOptions.selected`. */
  readonly conversation: unknown;
  /** Every message the session emitted, oldest first. */
  readonly messages: () => readonly Talk.Message[];
  /** Emits the reply locally and hands it to the fake's `onSend`. */
  readonly send: (body: string, conversationId: string) => Promise<void>;
  readonly onDestroy: (box: FakeUIBox) => void;
  /** The other participants' names for a conversation without a subject, from the `participants` option. */
  readonly participantNames: (conversationId: string) => readonly string[];
  /** Called after what the box shows on screen changed: the session marks that conversation read. */
  readonly onScreenChanged: () => void;
}

type Operation = "mount" | "select";
interface PendingOperation {
  done: boolean;
  timer: TimerHandle | undefined;
}
type AnyHandler = (payload: never) => unknown;

const KIND_TITLES: Record<FakeUIBoxKind, string> = { inbox: "Inbox", chatbox: "Chatbox", popup: "Popup" };
const CREATE_METHODS: Record<FakeUIBoxKind, string> = {
  inbox: "createInbox",
  chatbox: "createChatbox",
  popup: "createPopup",
};
const LEGACY_EVENTS: Record<FakeUIBoxKind, ReadonlySet<string>> = {
  chatbox: new Set(["sendMessage", "focus", "blur", "translationToggled", "keyup"]),
  inbox: new Set([
    "sendMessage",
    "focus",
    "blur",
    "translationToggled",
    "keyup",
    "selectConversation",
    "conversationSelected",
    "desktopNotificationToggled",
  ]),
  popup: new Set(["sendMessage", "focus", "blur", "translationToggled", "keyup", "open", "close"]),
};

/** The id of a conversation given as a string, a ConversationBuilder, a Conversation or a ConversationRef. */
function conversationIdOf(conversation: unknown): string | null | undefined {
  if (conversation === null || conversation === undefined) return null;
  if (typeof conversation === "string") return conversation === "" ? undefined : conversation;
  if (typeof conversation === "object" && "id" in conversation) {
    const { id } = conversation;
    if (typeof id === "string" && id !== "") return id;
    if (typeof id === "number") return String(id);
  }
  return undefined;
}

function conversationDataOf(conversation: unknown, id: string): Talk.ConversationData {
  const subject = (conversation as { subject?: unknown } | null)?.subject;
  return fakeConversationData({ id, subject: typeof subject === "string" ? subject : null });
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) return "an object without a conversation id";
  return String(value);
}

/**
 * The part every fake box shares (`FakeChatbox`, `FakeInbox`, `FakePopup` add their kind's members): the SDK's
 * `Talk.UIBox` members, strict like TalkJS (a destroyed box throws, `mount`/`select` settle asynchronously), plus
 * test-only state (`calls`, `conversationId`, `asGuest`, the setters' current values, `container`) and `emit()`.
 * @example
 * const chatbox = session.createChatbox();
 * await chatbox.select("order-42");
 * expect(chatbox.conversationId).toBe("order-42");
 */
export abstract class FakeUIBox<Kind extends FakeUIBoxKind = FakeUIBoxKind> {
  /** Which `create*` call made the box. */
  readonly kind: Kind;
  /** Test-only: the options given to the `create*` call (`undefined` when none). */
  readonly options: FakeUIBoxOptionsOf<Kind> | undefined;
  /** Test-only: the fake session that created the box. */
  readonly session: FakeSession;
  readonly messageField: Talk.MessageField;
  #setup: FakeUIBoxSetup<Kind>;
  #alive = true;
  #events = new EventHub();
  #calls: FakeUIBoxCall[] = [];
  #pending = new Set<PendingOperation>();
  #mounted = false;
  #container: HTMLElement | undefined;
  #view: FakeUIBoxView | undefined;
  #conversation: Talk.ConversationData | null = null;
  #asGuest: boolean | undefined;
  #selectCalls = 0;
  #appliedSelect = 0;
  #messageFilter: Talk.MessagePredicate | undefined;
  #presence: Talk.UserPresence | undefined;
  #highlightedWords: readonly string[] = [];
  #messageFieldText = "";
  /** The names of a ConversationBuilder's participants other than me, when one was selected. */
  #builderNames: readonly string[] = [];

  /** @internal Created by a fake session's `create*`. */
  constructor(setup: FakeUIBoxSetup<Kind>) {
    this.#setup = setup;
    this.kind = setup.kind;
    this.options = setup.options;
    this.session = setup.session;
    const id = conversationIdOf(setup.conversation);
    if (typeof id === "string") this.#conversation = conversationDataOf(setup.conversation, id);
    this.#messageFilter = setup.options?.messageFilter;
    this.#presence = setup.options?.presence;
    this.messageField = this.#createMessageField();
    this.#builderNames = this.#namesOfBuilder(setup.conversation);
  }

  /**
   * @internal The conversation a user sees in this box now: none unless it is drawn (and, for a popup, open); an
   * Inbox with none selected shows the latest conversation, as TalkJS's does.
   */
  get onScreenConversationId(): string | null {
    return this.#view !== undefined && this.isShown() ? this.#displayedConversationId() : null;
  }

  // An Inbox with none selected opens the latest conversation once, and stays on it as new messages arrive elsewhere.
  #defaultConversationId: string | null | undefined;

  #displayedConversationId(): string | null {
    if (this.conversationId !== null || this.kind !== "inbox") return this.conversationId;
    return (this.#defaultConversationId ??= this.#setup.messages().at(-1)?.conversation.id ?? null);
  }

  #namesOfBuilder(conversation: unknown): readonly string[] {
    const participants = (conversation as { participants?: unknown } | null)?.participants;
    if (!(participants instanceof Map)) return [];
    return [...(participants as Map<string, { user: Talk.User }>).values()]
      .filter(({ user }) => user.id !== this.session.me.id)
      .map(({ user }) => user.name || user.id);
  }

  /** Redraws and lets the session mark what is on screen read. */
  #showChanged(): void {
    this.#view?.update();
    this.#setup.onScreenChanged();
  }

  get isAlive(): boolean {
    return this.#alive;
  }

  /** The conversation the box shows (set once a `select()` resolves), or `null`. */
  get currentConversation(): Talk.ConversationData | null {
    return this.#conversation;
  }

  /** Test-only: the id of the conversation the box shows, or `null`. */
  get conversationId(): string | null {
    return this.#conversation?.id ?? null;
  }

  /** Test-only: the `asGuest` of the latest `select()` that resolved (`undefined` when not given). */
  get asGuest(): boolean | undefined {
    return this.#asGuest;
  }

  /** Test-only: true once a `mount()` resolved, until `destroy()`. */
  get mounted(): boolean {
    return this.#mounted;
  }

  /** Test-only: the element the box is mounted in (a popup: `document.body`), or `undefined`. */
  get container(): HTMLElement | undefined {
    return this.#container;
  }

  /** Test-only: the outermost element the box drew, while mounted in a DOM. */
  get element(): HTMLElement | undefined {
    return this.#view?.element;
  }

  /** Test-only: the filter of the latest `setMessageFilter` (or the `messageFilter` option). */
  get messageFilter(): Talk.MessagePredicate | undefined {
    return this.#messageFilter;
  }

  /** Test-only: the presence of the latest `setPresence` (or the `presence` option). */
  get presence(): Talk.UserPresence | undefined {
    return this.#presence;
  }

  /** Test-only: the words of the latest `setHighlightedWords` (`[]` at first). */
  get highlightedWords(): readonly string[] {
    return this.#highlightedWords;
  }

  /** Test-only: every SDK call made on this box, in order, including calls that threw. */
  get calls(): readonly FakeUIBoxCall[] {
    return [...this.#calls];
  }

  /** Test-only: how many times `method` was called on this box (`callCount("select")`). */
  callCount(method: string): number {
    return this.#calls.reduce((count, call) => count + (call.method === method ? 1 : 0), 0);
  }

  /** Test-only: live event subscriptions on this box (`on<Event>` and legacy `on`). */
  subscriptionCount(): number {
    return this.#events.count();
  }

  /**
   * Test-only: fires a box event as TalkJS would, calling the subscribed handlers synchronously with a realistic
   * payload (`init` overrides its fields). Returns `false` when a handler called `preventDefault()`.
   * @throws Error on a destroyed box; TypeError for an event this kind of box does not have.
   */
  emit<Name extends FakeUIBoxEventName<Kind>>(name: Name, ...init: [init?: FakeUIBoxEventInit<Name>]): boolean {
    this.#assertAlive(`emit("${name}")`);
    if (!eventNamesOf(this.kind).has(name)) {
      throw new TypeError(
        `[TalkJS fake] A ${KIND_TITLES[this.kind]} has no "${name}" event; its events are: ${[...eventNamesOf(this.kind)].join(", ")}.`,
      );
    }
    return this.#emit(name, init[0]);
  }

  select(
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the SDK's select() still takes a Conversation
    conversation: string | Talk.Conversation | Talk.ConversationBuilder | Talk.ConversationRef | null | undefined,
    params?: Talk.SelectConversationOptions,
  ): Promise<void> {
    this.callMethod("select", [conversation, params]);
    const id = conversationIdOf(conversation);
    if (id === undefined) {
      return Promise.reject(
        new TypeError(
          `[TalkJS] ${KIND_TITLES[this.kind]}.select(conversation) needs a conversation id, a ConversationBuilder, a Conversation or null; got ${describe(conversation)}.`,
        ),
      );
    }
    const sequence = ++this.#selectCalls;
    return this.#operate("select", () => {
      // Selects may settle out of order when delayed; the latest call wins, as with one network connection.
      if (sequence < this.#appliedSelect) return;
      this.#appliedSelect = sequence;
      this.#conversation = id === null ? null : conversationDataOf(conversation, id);
      this.#asGuest = params?.asGuest;
      this.#builderNames = this.#namesOfBuilder(conversation);
      this.#showChanged();
      if (this.#mounted) this.conversationShown();
    });
  }

  setMessageFilter(filter: Talk.MessagePredicate): void {
    this.callMethod("setMessageFilter", [filter]);
    this.#messageFilter = filter;
  }

  setPresence(presence: Talk.UserPresence): void {
    this.callMethod("setPresence", [presence]);
    this.#presence = presence;
  }

  setHighlightedWords(words: string[]): Talk.HighlightControls {
    this.callMethod("setHighlightedWords", [words]);
    if (!Array.isArray(words) || words.some((word) => typeof word !== "string")) {
      throw new TypeError(`[TalkJS] setHighlightedWords(words) needs an array of strings; got ${describe(words)}.`);
    }
    this.#highlightedWords = [...words];
    this.#view?.update();
    const jump = (method: string) => (): Promise<Talk.HighlightResult> => {
      this.callMethod(method, []);
      const found = this.#highlightedWords.length > 0;
      return Promise.resolve({ found, isLast: true });
    };
    return { jumpUp: jump("highlightControls.jumpUp"), jumpDown: jump("highlightControls.jumpDown") };
  }

  toggleDesktopNotifications(isEnabled: boolean): void {
    this.callMethod("toggleDesktopNotifications", [isEnabled]);
  }

  setTranslationEnabledForConversation(conversation: string | Talk.ConversationBuilder, enabled: boolean): void {
    this.callMethod("setTranslationEnabledForConversation", [conversation, enabled]);
  }

  setTranslationEnabledDefault(enabled: boolean | "auto"): void {
    this.callMethod("setTranslationEnabledDefault", [enabled]);
  }

  sendFile(file: File): Promise<void> {
    this.callMethod("sendFile", [file]);
    return Promise.resolve();
  }

  sendLocation(): Promise<void> {
    this.callMethod("sendLocation", []);
    return Promise.resolve();
  }

  createHtmlPanel(options: Talk.HtmlPanelOptions): Promise<Talk.HtmlPanel> {
    this.callMethod("createHtmlPanel", [options]);
    return Promise.reject(new Error("[TalkJS fake] HTML panels are not supported by the TalkJS fake."));
  }

  /**
   * The legacy `on(eventType, handler)`; only the event names the SDK types list for this kind of box.
   * @deprecated As in TalkJS: use the `on<Event>` methods.
   */
  on(eventType: string, handler: AnyHandler): void {
    this.callMethod("on", [eventType, handler]);
    this.#assertLegacyEvent("on", eventType);
    this.#assertHandler(`on("${eventType}")`, handler);
    this.#events.add(eventType, handler, true);
  }

  /**
   * The legacy `off(eventType, handler)`: removes a handler added with `on`.
   * @deprecated As in TalkJS: use `unsubscribe()` of what an `on<Event>` method returned.
   */
  off(eventType: string, handler: AnyHandler): void {
    this.callMethod("off", [eventType, handler]);
    this.#assertLegacyEvent("off", eventType);
    this.#events.removeLegacy(eventType, handler);
  }

  onCustomMessageAction(handler: (event: Talk.MessageActionEvent) => void): Talk.Subscription;
  onCustomMessageAction(action: string, handler: (event: Talk.MessageActionEvent) => void): Talk.Subscription;
  onCustomMessageAction(
    actionOrHandler: string | ((event: Talk.MessageActionEvent) => void),
    handler?: (event: Talk.MessageActionEvent) => void,
  ): Talk.Subscription {
    return this.#subscribeAction("onCustomMessageAction", "customMessageAction", actionOrHandler, handler);
  }

  onCustomConversationAction(handler: (event: Talk.ConversationActionEvent) => void): Talk.Subscription;
  onCustomConversationAction(action: string, handler: (event: Talk.ConversationActionEvent) => void): Talk.Subscription;
  onCustomConversationAction(
    actionOrHandler: string | ((event: Talk.ConversationActionEvent) => void),
    handler?: (event: Talk.ConversationActionEvent) => void,
  ): Talk.Subscription {
    return this.#subscribeAction("onCustomConversationAction", "customConversationAction", actionOrHandler, handler);
  }

  onSendMessage(handler: (event: Talk.SendMessageEvent) => void): Talk.Subscription {
    return this.subscribe("onSendMessage", "sendMessage", handler);
  }

  onLeaveConversation(handler: (event: Talk.LeaveConversationEvent) => void): Talk.Subscription {
    return this.subscribe("onLeaveConversation", "leaveConversation", handler);
  }

  onMarkConversationAsUnread(handler: (event: Talk.MarkConversationAsUnreadEvent) => void): Talk.Subscription {
    return this.subscribe("onMarkConversationAsUnread", "markConversationAsUnread", handler);
  }

  onFocus(handler: () => void): Talk.Subscription {
    return this.subscribe("onFocus", "focus", handler);
  }

  onBlur(handler: () => void): Talk.Subscription {
    return this.subscribe("onBlur", "blur", handler);
  }

  onTranslationToggled(handler: (event: Talk.TranslationToggledEvent) => void): Talk.Subscription {
    return this.subscribe("onTranslationToggled", "translationToggled", handler);
  }

  onKeyup(handler: (event: Talk.KeyEvent) => void): Talk.Subscription {
    return this.subscribe("onKeyup", "keyup", handler);
  }

  onKeydown(handler: (event: Talk.KeyEvent) => void): Talk.Subscription {
    return this.subscribe("onKeydown", "keydown", handler);
  }

  /** Idempotent: removes the drawing and every subscription; a `mount`/`select` still pending never settles. */
  destroy(): void {
    this.#calls.push({ method: "destroy", args: [] });
    this.#setup.runtime.ui.recordCall(this, "destroy", []);
    if (!this.#alive) return;
    this.#alive = false;
    this.#mounted = false;
    this.#view?.remove();
    this.#view = undefined;
    this.#events.clear();
    // TalkJS's iframe is gone, so nothing answers: pending calls never settle (@talkjs/react relies on no rejection).
    for (const pending of [...this.#pending]) this.#finish(pending);
    this.#setup.onDestroy(this);
  }

  /** @internal The session calls this after it emitted a message, so a mounted box shows it. */
  refresh(): void {
    this.#showChanged();
  }

  /** Records an SDK call and throws if the box is destroyed, as TalkJS does. */
  protected callMethod(method: string, args: readonly unknown[]): void {
    this.#calls.push({ method, args });
    this.#setup.runtime.ui.recordCall(this, method, args);
    this.#assertAlive(method);
  }

  protected subscribe(method: string, name: FakeUIBoxEventName, handler: AnyHandler): Talk.Subscription {
    this.callMethod(method, [handler]);
    this.#assertHandler(method, handler);
    return this.#listen(name, handler);
  }

  /**
   * Mounts after the delay the fake is set to: resolves the container (rejecting when there is none, for kinds
   * that need one), draws the box and calls `conversationShown`.
   */
  protected startMount(args: readonly unknown[], container: () => HTMLElement | undefined, beforeDraw?: () => void) {
    this.callMethod("mount", args);
    return this.#operate("mount", () => {
      const target = container();
      this.#view?.remove();
      this.#view = undefined;
      this.#container = target;
      beforeDraw?.();
      if (target !== undefined) this.#view = new FakeUIBoxView(this.#viewHost(), target);
      this.#mounted = true;
      this.#setup.onScreenChanged();
      this.conversationShown();
    });
  }

  /** The element a Chatbox or Inbox mounts into. @throws Error, rejecting the mount, when there is none. */
  protected elementOrThrow(container: unknown): HTMLElement {
    if (
      typeof container === "object" &&
      container !== null &&
      "ownerDocument" in container &&
      "appendChild" in container
    ) {
      return container as HTMLElement;
    }
    throw new Error(
      `[TalkJS] ${KIND_TITLES[this.kind]}.mount(container) needs an HTMLElement; got ${typeof container === "object" && container !== null ? "an object that is not an element" : String(container)}.`,
    );
  }

  /** Redraws the box in place (popup state changes). */
  protected redraw(): void {
    this.#showChanged();
  }

  /** Emits an event the SDK fires on its own; a throwing handler cannot reach the caller, so it is logged. */
  protected emitFromSdk<Name extends FakeUIBoxEventName>(name: Name, init?: FakeUIBoxEventInit<Name>): boolean {
    try {
      return this.#emit(name, init);
    } catch (error) {
      console.error(`[TalkJS fake] A "${name}" handler threw:`, error);
      return true;
    }
  }

  /** Called when a mount or a select completed on a mounted box (an Inbox emits `conversationSelected`). */
  protected conversationShown(): void {
    // Only the Inbox reports selections.
  }

  /** Whether the box's drawing is open (a popup may be closed). */
  protected isShown(): boolean {
    return true;
  }

  /** The user clicked a popup's launcher. */
  protected userToggled(): void {
    // Only a popup has a launcher.
  }

  /** The user clicked a conversation in the drawn feed: `selectConversation` (cancellable), then the switch. */
  protected userSelected(conversationId: string): void {
    if (!this.#alive) return;
    const allowed = this.emitFromSdk("selectConversation", {
      conversation: fakeConversationData({ id: conversationId }),
    });
    if (!allowed || !this.isAlive) return; // a handler may have destroyed the box
    this.#conversation = fakeConversationData({ id: conversationId });
    this.#builderNames = [];
    this.#showChanged();
    this.conversationShown();
  }

  #emit(name: FakeUIBoxEventName, init: unknown): boolean {
    const state = { prevented: false };
    const payload = fakeUIBoxEvent(
      name,
      {
        me: this.session.me,
        conversation: this.#conversation,
        preventDefault: () => {
          state.prevented = true;
        },
      },
      init,
    );
    this.#events.emit(name, payload);
    return !state.prevented;
  }

  #listen(name: string, handler: AnyHandler, action?: string): Talk.Subscription {
    // Like a DOM listener: not called once unsubscribed or destroyed, even later in an emit already running.
    let active = true;
    const remove = this.#events.add(name, (payload: unknown) => {
      if (!active || !this.#alive) return;
      if (action !== undefined && (payload as { action?: unknown }).action !== action) return;
      if (payload === undefined) (handler as () => unknown)();
      else (handler as (value: unknown) => unknown)(payload);
    });
    return {
      unsubscribe: () => {
        active = false;
        remove();
      },
    };
  }

  #subscribeAction(
    method: string,
    name: FakeUIBoxEventName,
    actionOrHandler: unknown,
    handler: unknown,
  ): Talk.Subscription {
    const named = typeof actionOrHandler === "string";
    this.callMethod(method, named ? [actionOrHandler, handler] : [actionOrHandler]);
    const listener = named ? handler : actionOrHandler;
    this.#assertHandler(method, listener);
    return this.#listen(name, listener as AnyHandler, named ? actionOrHandler : undefined);
  }

  #operate(operation: Operation, apply: () => void): Promise<void> {
    const { ui } = this.#setup.runtime;
    const failure = ui.takeFailure(operation);
    const delayMs = ui.delayMs(operation);
    return new Promise<void>((resolve, reject) => {
      const pending: PendingOperation = { done: false, timer: undefined };
      const settle = (): void => {
        if (pending.done) return;
        this.#finish(pending);
        if (failure !== undefined) {
          reject(failure);
          return;
        }
        try {
          apply();
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      this.#pending.add(pending);
      // TalkJS answers over the network, so even an instant fake settles on a later microtask, never synchronously.
      if (delayMs === 0) void Promise.resolve().then(settle);
      else if (Number.isFinite(delayMs)) pending.timer = startTimer(settle, delayMs);
    });
  }

  #finish(pending: PendingOperation): void {
    pending.done = true;
    stopTimer(pending.timer);
    this.#pending.delete(pending);
  }

  #viewHost(): FakeUIBoxViewHost {
    const setup = this.#setup;
    return {
      kind: this.kind,
      appId: this.session.appId,
      myName: setup.myName,
      messages: setup.messages,
      conversationId: () => this.conversationId,
      displayedConversationId: () => this.#displayedConversationId(),
      participantNames: (conversationId) =>
        conversationId === this.conversationId && this.#builderNames.length > 0
          ? this.#builderNames
          : setup.participantNames(conversationId),
      conversationSubject: () => this.#conversation?.subject ?? null,
      highlightedWords: () => this.#highlightedWords,
      shown: () => this.isShown(),
      send: (body, conversationId) => this.#userSends(body, conversationId),
      userSelects: (conversationId) => this.userSelected(conversationId),
      userToggles: () => this.userToggled(),
      userEvent: (name: "focus" | "blur" | "keydown" | "keyup", event?: Talk.KeyEvent) => {
        if (!this.#alive) return;
        if (name === "keydown" || name === "keyup") this.emitFromSdk(name, event);
        else this.emitFromSdk(name);
      },
    };
  }

  /** A reply from the drawn form: `sendMessage` first (its `override` may change the text), then delivery. */
  #userSends(body: string, conversationId: string): Promise<void> {
    if (!this.#alive) return Promise.resolve();
    const outgoing = { text: body, cancelled: false };
    this.emitFromSdk("sendMessage", {
      conversation: fakeConversationData({ id: conversationId }),
      message: {
        id: undefined,
        conversationId,
        type: "UserMessage",
        readBy: [],
        senderId: this.session.me.id,
        text: body,
      },
      // Function overrides may be asynchronous; the fake only honours the immediate form.
      override: (params) => {
        if (typeof params !== "object") return;
        if (typeof params.text === "string") outgoing.text = params.text;
        if (params.cancel === true) outgoing.cancelled = true;
      },
    });
    return outgoing.cancelled ? Promise.resolve() : this.#setup.send(outgoing.text, conversationId);
  }

  #createMessageField(): Talk.MessageField {
    const call = (method: string, args: unknown[]): void => this.callMethod(`messageField.${method}`, args);
    return {
      focus: () => call("focus", []),
      setText: (text) => {
        call("setText", [text]);
        this.#messageFieldText = text;
        this.#view?.setDraft(text);
      },
      typeText: (text) => {
        call("typeText", [text]);
        this.#messageFieldText += text;
        this.#view?.setDraft(this.#messageFieldText);
      },
      getText: () => {
        call("getText", []);
        return Promise.resolve(this.#messageFieldText);
      },
      setVisible: (visible) => call("setVisible", [visible]),
    };
  }

  #assertAlive(method: string): void {
    if (!this.#alive) {
      throw new Error(
        `[TalkJS] This ${KIND_TITLES[this.kind]} has been destroyed, so ${method}() can no longer be called. Create a new one with session.${CREATE_METHODS[this.kind]}().`,
      );
    }
  }

  #assertHandler(method: string, handler: unknown): void {
    if (typeof handler !== "function") {
      throw new TypeError(`[TalkJS] ${method} needs a handler function; got ${typeof handler}.`);
    }
  }

  #assertLegacyEvent(method: string, eventType: string): void {
    if (!LEGACY_EVENTS[this.kind].has(eventType)) {
      throw new Error(
        `[TalkJS] ${KIND_TITLES[this.kind]}.${method}(${JSON.stringify(eventType)}) is not supported; use one of ${[...LEGACY_EVENTS[this.kind]].map((name) => JSON.stringify(name)).join(", ")}, or the on<Event> methods.`,
      );
    }
  }
}
