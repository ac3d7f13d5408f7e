import type {
  SessionError,
  UIBoxConversationOptions,
  UIBoxEventHandlers,
  UIBoxEventName,
  UIBoxKind,
  UIBoxOf,
  UIBoxOptionsOf,
} from "@x/session-core";
import type { Snippet } from "svelte";
import type { HTMLAttributes } from "svelte/elements";

/**
 * Internal: the props every box component shares, derived from the core's options (every `Talk.*Options` field,
 * `asGuest`, `highlightedWords`, Popup's `show`), every box event as an `on*` callback prop with the SDK's handler
 * type, `onError` and the bindable `box`; the conversation comes from `UIBoxConversationProps`.
 */
export type UIBoxProps<Kind extends UIBoxKind> = Omit<UIBoxOptionsOf<Kind>, "conversationId" | "syncConversation"> & {
  [Name in UIBoxEventName<Kind> as `on${Capitalize<Name>}`]?: UIBoxEventHandlers<Kind>[Name];
} & {
  /** A `mount()` or `select()` failed: a `SessionError` with code `ui-failed` (also on the session's `error` event). */
  onError?: (error: SessionError) => void;
  /** With `bind:box`: the live TalkJS box from its creation, the new one after a re-creation, `undefined` once destroyed. */
  box?: UIBoxOf<Kind> | undefined;
};

/** Internal: which conversation a box shows; exactly one of `conversationId` / `syncConversation`, as in `@talkjs/react`. */
export type UIBoxConversationProps =
  | { conversationId: string | null | undefined; syncConversation?: never }
  | { conversationId?: never; syncConversation: NonNullable<UIBoxConversationOptions["syncConversation"]> };

/** Internal: the element a Chatbox or Inbox renders and mounts into, and what it shows until the box is mounted. */
export interface UIBoxElementProps {
  /** Shown in place of the box until it is mounted (again after a user switch). */
  loading?: Snippet;
  /** On the element the box mounts into (and on the loading element). */
  class?: HTMLAttributes<HTMLDivElement>["class"];
  /** On the element the box mounts into (and on the loading element). */
  style?: HTMLAttributes<HTMLDivElement>["style"];
}
