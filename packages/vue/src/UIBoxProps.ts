import type {
  SessionError,
  UIBoxConversationOptions,
  UIBoxEventHandlers,
  UIBoxEventName,
  UIBoxKind,
  UIBoxOf,
  UIBoxOptionsOf,
} from "@x/session-core";
import type { SlotsType, VNode } from "vue";

/**
 * Internal: the props every box component shares, derived from the core's options (every `Talk.*Options` field,
 * `asGuest`, `highlightedWords`, Popup's `show`), every box event as an `on*` listener with the SDK's handler type,
 * and `onError`; the conversation comes from `UIBoxConversationProps`.
 */
export type UIBoxProps<Kind extends UIBoxKind> = Omit<UIBoxOptionsOf<Kind>, "conversationId" | "syncConversation"> & {
  [Name in UIBoxEventName<Kind> as `on${Capitalize<Name>}`]?: UIBoxEventHandlers<Kind>[Name];
} & {
  /** A `mount()` or `select()` failed: a `SessionError` with code `ui-failed` (also on the session's `error` event). */
  onError?: (error: SessionError) => void;
};

/** Internal: which conversation a box shows; exactly one of `conversationId` / `syncConversation`, as in `@talkjs/react`. */
export type UIBoxConversationProps =
  | { conversationId: string | null | undefined; syncConversation?: never }
  | { conversationId?: never; syncConversation: NonNullable<UIBoxConversationOptions["syncConversation"]> };

type ArgumentsOf<Handler> = Handler extends (...payload: infer Payload) => unknown ? Payload : never;

/** Internal: the emits of a box component, for templates (`@send-message`, ..., `@error`); at run time they are attributes. */
export type UIBoxEmits<Kind extends UIBoxKind> = {
  [Name in UIBoxEventName<Kind>]: (...payload: ArgumentsOf<UIBoxEventHandlers<Kind>[Name]>) => boolean;
} & { error: (error: SessionError) => boolean };

/** Internal: the `loading` slot of `<TalkChatbox>` and `<TalkInbox>`, shown until the box is mounted. */
export type UIBoxSlots = SlotsType<{ loading?: () => VNode[] }>;

/** Internal: what a template ref to a box component sees. */
export interface UIBoxExposed<Kind extends UIBoxKind> {
  /** The live TalkJS box from its creation until it is destroyed; `undefined` otherwise. */
  readonly box: UIBoxOf<Kind> | undefined;
}
