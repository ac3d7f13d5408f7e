import type Talk from "talkjs";
import { fakeConversationData } from "./fakeConversationData.js";
import { fakeMessage } from "./fakeMessage.js";
import type { FakeUIBoxEventName, FakeUIBoxEventPayload, FakeUIBoxKind } from "./FakeUIBoxEventName.js";

/** What the default payloads are made of: the box's user and the conversation it shows. */
export interface FakeUIBoxEventContext {
  readonly me: Talk.User;
  readonly conversation: Talk.ConversationData | null;
  /** Called by `preventDefault()` of the cancellable events. */
  readonly preventDefault: () => void;
}

type PayloadBuilders = {
  [Name in FakeUIBoxEventName]: (context: FakeUIBoxEventContext) => FakeUIBoxEventPayload<Name>;
};

function userSnapshot(user: Talk.User): Talk.UserSnapshot {
  const custom: Record<string, string> = {};
  for (const [key, value] of Object.entries(user.custom ?? {})) if (value !== null) custom[key] = value;
  return {
    id: user.id,
    name: user.name,
    custom,
    locale: user.locale ?? null,
    photoUrl: user.photoUrl ?? null,
    role: user.role ?? "default",
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- UserSnapshot still requires the deprecated field
    welcomeMessage: user.welcomeMessage ?? null,
  };
}

/** The shown conversation, or TalkJS's default test conversation when the box shows none. */
function shown(context: FakeUIBoxEventContext): Talk.ConversationData {
  return context.conversation ?? fakeConversationData();
}

function keyEvent(): Talk.KeyEvent {
  return {
    isInputFocused: true,
    altKey: false,
    code: "Enter",
    ctrlKey: false,
    key: "Enter",
    location: 0,
    metaKey: false,
    shiftKey: false,
    repeat: false,
  };
}

// Typed as a complete map of the names derived from the SDK, so an event TalkJS adds fails the build until it is here.
const PAYLOADS: PayloadBuilders = {
  sendMessage: (context) => ({
    message: {
      id: undefined,
      conversationId: shown(context).id,
      type: "UserMessage",
      readBy: [],
      senderId: context.me.id,
      text: "Hello from the TalkJS fake",
    },
    me: userSnapshot(context.me),
    conversation: shown(context),
    override: () => undefined,
  }),
  customMessageAction: (context) => ({
    action: "fake-action",
    params: {},
    message: fakeMessage({ conversation: shown(context) }),
  }),
  customConversationAction: (context) => ({ action: "fake-action", params: {}, conversation: context.conversation }),
  leaveConversation: (context) => ({ conversation: shown(context), preventDefault: context.preventDefault }),
  markConversationAsUnread: (context) => ({ conversation: shown(context), preventDefault: context.preventDefault }),
  translationToggled: (context) => ({ isEnabled: true, conversation: shown(context) }),
  keydown: keyEvent,
  keyup: keyEvent,
  focus: () => undefined,
  blur: () => undefined,
  selectConversation: (context) => ({
    me: userSnapshot(context.me),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the SDK's event still carries the deprecated field
    others: [],
    participants: [userSnapshot(context.me)],
    conversation: shown(context),
    preventDefault: context.preventDefault,
  }),
  conversationSelected: (context) => ({
    me: userSnapshot(context.me),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the SDK's event still carries the deprecated field
    others: [],
    participants: [userSnapshot(context.me)],
    conversation: context.conversation,
  }),
  desktopNotificationToggled: () => ({ isEnabled: true }),
  open: () => undefined,
  close: () => undefined,
};

/** The runtime list of every event name, taken from the complete map above. */
export const FAKE_UI_BOX_EVENT_NAMES = Object.keys(PAYLOADS) as FakeUIBoxEventName[];

/**
 * Builds the payload TalkJS would pass for `name`: realistic defaults from the box's user and conversation,
 * overridden by `init`; a cancellable event's `preventDefault` always reports to the context.
 */
export function fakeUIBoxEvent(
  name: FakeUIBoxEventName,
  context: FakeUIBoxEventContext,
  init: unknown,
): object | undefined {
  const defaults = (PAYLOADS[name] as (context: FakeUIBoxEventContext) => object | undefined)(context);
  if (defaults === undefined) return undefined;
  const event: object = { ...defaults, ...(typeof init === "object" ? init : {}) };
  // The fake's own preventDefault, so `emit` can report a cancellation whatever `init` held.
  if ("preventDefault" in event) Object.assign(event, { preventDefault: context.preventDefault });
  return event;
}

type OnlyIn<Kind extends "inbox" | "popup"> = Exclude<FakeUIBoxEventName<Kind>, FakeUIBoxEventName<"chatbox">>;

// Complete maps (a Record of the derived names), so the per-kind lists follow the SDK types.
const INBOX_ONLY: Record<OnlyIn<"inbox">, true> = {
  selectConversation: true,
  conversationSelected: true,
  desktopNotificationToggled: true,
};
const POPUP_ONLY: Record<OnlyIn<"popup">, true> = { open: true, close: true };

/** The event names a kind of box has, as the SDK types declare them. */
export function eventNamesOf(kind: FakeUIBoxKind): ReadonlySet<FakeUIBoxEventName> {
  const inboxOnly = Object.keys(INBOX_ONLY);
  const popupOnly = Object.keys(POPUP_ONLY);
  return new Set(
    FAKE_UI_BOX_EVENT_NAMES.filter(
      (name) => (kind === "inbox" || !inboxOnly.includes(name)) && (kind === "popup" || !popupOnly.includes(name)),
    ),
  );
}
