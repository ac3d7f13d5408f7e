import type { UIBoxComponentProps, UIBoxConversationProps, UIBoxKind, UIBoxOf } from "@x/session-core";
import type { Snippet } from "svelte";
import type { HTMLAttributes } from "svelte/elements";

/**
 * Internal: the props every box component shares (see the core's `UIBoxComponentProps`) and the bindable `box`; which
 * conversation it shows is the core's `UIBoxConversationProps`.
 */
export type UIBoxProps<Kind extends UIBoxKind> = UIBoxComponentProps<Kind> & {
  /** With `bind:box`: the live TalkJS box from its creation, the new one after a re-creation, `undefined` once destroyed. */
  box?: UIBoxOf<Kind> | undefined;
};
export type { UIBoxConversationProps };

/** Internal: the element a Chatbox or Inbox renders and mounts into, and what it shows until the box is mounted. */
export interface UIBoxElementProps {
  /** Shown in place of the box until it is mounted (again after a user switch). */
  loading?: Snippet;
  /** On the element the box mounts into (and on the loading element). */
  class?: HTMLAttributes<HTMLDivElement>["class"];
  /** On the element the box mounts into (and on the loading element). */
  style?: HTMLAttributes<HTMLDivElement>["style"];
}
