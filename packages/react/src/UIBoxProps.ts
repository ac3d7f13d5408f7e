import type { CSSProperties, ReactNode } from "react";
import type { UIBoxComponentProps, UIBoxConversationProps, UIBoxKind, UIBoxOf } from "@x/session-core";

/** Internal: the props every box component shares, and which conversation it shows (see the core's types). */
export type UIBoxProps<Kind extends UIBoxKind> = UIBoxComponentProps<Kind>;
export type { UIBoxConversationProps };

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
