import type {
  SessionError,
  UIBoxComponentProps,
  UIBoxConversationProps,
  UIBoxEventHandlers,
  UIBoxEventName,
  UIBoxKind,
  UIBoxOf,
} from "@x/session-core";
import type { SlotsType, VNode } from "vue";

/** Internal: the props every box component shares, and which conversation it shows (see the core's types). */
export type UIBoxProps<Kind extends UIBoxKind> = UIBoxComponentProps<Kind>;
export type { UIBoxConversationProps };

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
