import type { CSSProperties, ReactNode } from "react";
import type {
  SessionError,
  UIBoxConversationOptions,
  UIBoxEventHandlers,
  UIBoxEventName,
  UIBoxKind,
  UIBoxOf,
  UIBoxOptionsOf,
} from "@x/session-core";

/**
 * Internal: the props every box component shares, derived from the core's options (every `Talk.*Options` field,
 * `asGuest`, `highlightedWords`, Popup's `show`), every box event as an `on*` prop with the SDK's handler type, and
 * `onError`; the conversation comes from `UIBoxConversationProps`.
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

/** Internal: set to the live box from its creation; back to `undefined` once it is destroyed or the component unmounts. */
export interface UIBoxRef<Kind extends UIBoxKind> {
  current: UIBoxOf<Kind> | undefined;
}

/**
 * Internal: the element a Chatbox or Inbox renders and mounts into, and what it shows until the box is mounted.
 * `data-*` and `aria-*` attributes given to the component go on that element too, never to TalkJS.
 */
export interface UIBoxElementProps {
  /** Shown in place of the box until it is mounted (again after a user switch). */
  loadingComponent?: ReactNode;
  /** On the element the box mounts into (and on the loading element). */
  style?: CSSProperties;
  className?: string;
}
