import type Talk from "talkjs";
import type { SessionError } from "../machine/SessionError";

/**
 * Which pre-built TalkJS UI a `UIBoxController` runs.
 *
 * @example
 * const kind: UIBoxKind = "chatbox";
 */
export type UIBoxKind = "chatbox" | "inbox" | "popup";

/**
 * The TalkJS object behind each kind of box.
 *
 * @example
 * const chatbox: UIBoxOf<"chatbox"> = session.createChatbox();
 */
export type UIBoxOf<Kind extends UIBoxKind> = {
  chatbox: Talk.Chatbox;
  inbox: Talk.Inbox;
  popup: Talk.Popup;
}[Kind];

/** Every `Talk.UIBox` method named `on<Event>` except the generic `on`, e.g. `onSendMessage`. */
type BoxOnMethod<Box> = Exclude<Extract<keyof Box, `on${string}`>, "on">;

/** The handler of the one-argument form of an `on<Event>` method (the custom actions have an overload with an action name). */
type FirstHandlerOf<Method> = Method extends {
  (handler: infer Handler): unknown;
  (...args: infer _Rest): unknown;
}
  ? Handler
  : Method extends (handler: infer Handler) => unknown
    ? Handler
    : never;

/**
 * A box event name, derived from the SDK's `on<Event>` methods of that box (`sendMessage`,
 * `conversationSelected`, `customMessageAction`, ...), so an event TalkJS adds later works without a release.
 *
 * @example
 * const name: UIBoxEventName<"inbox"> = "conversationSelected";
 */
export type UIBoxEventName<Kind extends UIBoxKind> =
  BoxOnMethod<UIBoxOf<Kind>> extends `on${infer Name}` ? Uncapitalize<Name> : never;

/**
 * Handlers of a box's events, keyed by event name, with the SDK's own signatures.
 *
 * @example
 * const onSendMessage: UIBoxEventHandlers<"chatbox">["sendMessage"] = (event) => console.log(event.message.text);
 */
export type UIBoxEventHandlers<Kind extends UIBoxKind> = {
  [Name in UIBoxEventName<Kind>]: FirstHandlerOf<UIBoxOf<Kind>[`on${Capitalize<Name>}` & keyof UIBoxOf<Kind>]>;
};

/**
 * Which conversation a box shows, as in `@talkjs/react`: an id, or a `ConversationBuilder` (or a function of the
 * live session returning one); plus how it is selected.
 *
 * @example
 * const byId: UIBoxConversationOptions = { conversationId: "order-1234", asGuest: false };
 */
export interface UIBoxConversationOptions {
  /** The conversation to select by id; `null` selects none. */
  conversationId?: string | null;
  /** A `ConversationBuilder`, or a function called with the live session that returns one. */
  syncConversation?: Talk.ConversationBuilder | ((session: Talk.Session) => Talk.ConversationBuilder);
  /** Select the conversation as a guest (`select(conversation, { asGuest })`). */
  asGuest?: boolean;
  /** Words to highlight in messages (`setHighlightedWords`). */
  highlightedWords?: string[];
}

/**
 * Options of `createChatbox`: every `Talk.ChatboxOptions` field plus the conversation options.
 *
 * @example
 * const options: ChatboxOptions = { conversationId: "order-1234", showChatHeader: false };
 */
export type ChatboxOptions = Talk.ChatboxOptions & UIBoxConversationOptions;

/**
 * Options of `createInbox`: every `Talk.InboxOptions` field plus the conversation options.
 *
 * @example
 * const options: InboxOptions = { feedFilter: { custom: { category: ["==", "support"] } } };
 */
export type InboxOptions = Talk.InboxOptions & UIBoxConversationOptions;

/**
 * Options of `createPopup`: every `Talk.PopupOptions` field, the conversation options and `show`
 * (absent means open, as in `@talkjs/react`).
 *
 * @example
 * const options: PopupOptions = { conversationId: "order-1234", show: false, launcher: "never" };
 */
export type PopupOptions = Talk.PopupOptions & UIBoxConversationOptions & { show?: boolean };

/**
 * The options of each kind of box.
 *
 * @example
 * const options: UIBoxOptionsOf<"popup"> = { show: true };
 */
export type UIBoxOptionsOf<Kind extends UIBoxKind> = {
  chatbox: ChatboxOptions;
  inbox: InboxOptions;
  popup: PopupOptions;
}[Kind];

/**
 * Where a box is in its life: `idle` before `mount()` (and after its release), `waiting` for the session,
 * `mounting` while TalkJS selects and mounts, `mounted`, or `error` (a failed `mount`/`select`).
 *
 * @example
 * const showSpinner = (status: UIBoxStatus) => status === "waiting" || status === "mounting";
 */
export type UIBoxStatus = "idle" | "waiting" | "mounting" | "mounted" | "error";

/**
 * An immutable snapshot of a box controller; a new object only when something changed.
 *
 * @example
 * const { status, box } = chatbox.getState();
 */
export interface UIBoxState<Kind extends UIBoxKind = UIBoxKind> {
  readonly status: UIBoxStatus;
  /** The live TalkJS box; set from its creation until it is destroyed. */
  readonly box: UIBoxOf<Kind> | undefined;
  /** Why the box is in `error` (code `ui-failed`); set only then. */
  readonly error: SessionError | undefined;
}

/**
 * Runs one TalkJS Chatbox, Inbox or Popup on a session controller: waits for the session, creates,
 * selects, mounts, follows option changes and user switches, destroys. Made by `createChatbox`,
 * `createInbox` and `createPopup`.
 *
 * @example
 * const chatbox = createChatbox(talk, { conversationId: "order-1234" });
 * const unmount = chatbox.mount(document.getElementById("chat")!);
 */
export interface UIBoxController<Kind extends UIBoxKind = UIBoxKind> {
  /** Connects the session and mounts the box into `element` (Popup: none) once ready; returns the unmount. */
  mount: (element?: HTMLElement) => () => void;
  /** Replaces every option; applied in place where TalkJS has a setter, otherwise the box is re-created. */
  setOptions: (options: UIBoxOptionsOf<Kind>) => void;
  /** The current snapshot; the same object until something changes. */
  getState: () => UIBoxState<Kind>;
  /** Calls `listener` after every state change with the new and the previous state; returns the unsubscribe. */
  subscribe: (listener: (state: UIBoxState<Kind>, previous: UIBoxState<Kind>) => void) => () => void;
  /**
   * Adds a box event handler, kept across re-created boxes, or an `error` handler (a failed `mount`/`select`, as in
   * the state); returns the function that removes it.
   */
  on: <Name extends UIBoxEventName<Kind> | "error">(
    name: Name,
    handler: (UIBoxEventHandlers<Kind> & { error: (error: SessionError) => void })[Name],
  ) => () => void;
  /** Final: destroys the box, releases the session, removes every listener and handler. Idempotent. */
  destroy: () => void;
}

/**
 * For adapter authors: the props every framework's box component shares, derived from the options (every
 * `Talk.*Options` field, `asGuest`, `highlightedWords`, Popup's `show`), every box event as an `on*` prop with the
 * SDK's handler type, and `onError`. The conversation comes from `UIBoxConversationProps`.
 *
 * @example
 * type ChatboxProps = UIBoxComponentProps<"chatbox"> & UIBoxConversationProps & { className?: string };
 */
export type UIBoxComponentProps<Kind extends UIBoxKind> = Omit<
  UIBoxOptionsOf<Kind>,
  "conversationId" | "syncConversation"
> & {
  [Name in UIBoxEventName<Kind> as `on${Capitalize<Name>}`]?: UIBoxEventHandlers<Kind>[Name];
} & {
  /** A `mount()` or `select()` failed: a `SessionError` with code `ui-failed` (also on the session's `error` event). */
  onError?: (error: SessionError) => void;
};

/**
 * For adapter authors: which conversation a box component shows, exactly one of `conversationId` /
 * `syncConversation`, as in `@talkjs/react`.
 *
 * @example
 * const byId: UIBoxConversationProps = { conversationId: "order-1234" };
 */
export type UIBoxConversationProps =
  | { conversationId: string | null | undefined; syncConversation?: never }
  | { conversationId?: never; syncConversation: NonNullable<UIBoxConversationOptions["syncConversation"]> };
