import type Talk from "talkjs";

/**
 * Which `create*` call made a box.
 * @example
 * expect(session.createPopup().kind).toBe("popup" satisfies FakeUIBoxKind);
 */
export type FakeUIBoxKind = "chatbox" | "inbox" | "popup";

/**
 * The SDK type each kind of fake box stands in for.
 * @example
 * const chatbox: TalkUIBoxOf<"chatbox"> = session.createChatbox();
 */
export type TalkUIBoxOf<Kind extends FakeUIBoxKind> = {
  chatbox: Talk.Chatbox;
  inbox: Talk.Inbox;
  popup: Talk.Popup;
}[Kind];

/** Every `on<Event>` method of a box type except the generic legacy `on`. */
type OnMethodName<Box> = Exclude<Extract<keyof Box, `on${string}`>, "on">;

/** The handler of the one-argument form (the custom actions also take an action name first). */
type FirstHandlerOf<Method> = Method extends {
  (handler: infer Handler): unknown;
  (...args: infer _Rest): unknown;
}
  ? Handler
  : Method extends (handler: infer Handler) => unknown
    ? Handler
    : never;

/**
 * The event names of a kind of box, derived from its SDK `on<Event>` methods (`sendMessage`, `conversationSelected`,
 * `customMessageAction`, `open`, ...); without a kind, the names of every kind.
 * @example
 * const name: FakeUIBoxEventName<"inbox"> = "conversationSelected";
 */
export type FakeUIBoxEventName<Kind extends FakeUIBoxKind = FakeUIBoxKind> = Kind extends FakeUIBoxKind
  ? OnMethodName<TalkUIBoxOf<Kind>> extends `on${infer Name}`
    ? Uncapitalize<Name>
    : never
  : never;

type HandlerOf<Name extends FakeUIBoxEventName> =
  Name extends FakeUIBoxEventName<"inbox">
    ? FirstHandlerOf<Talk.Inbox[`on${Capitalize<Name>}` & keyof Talk.Inbox]>
    : FirstHandlerOf<Talk.Popup[`on${Capitalize<Name>}` & keyof Talk.Popup]>;

/**
 * What the SDK passes to the handlers of an event (`Talk.SendMessageEvent` for `sendMessage`, ...); `undefined` for
 * the events whose handlers take no argument (`focus`, `blur`, `open`, `close`).
 * @example
 * const event: FakeUIBoxEventPayload<"translationToggled"> = { isEnabled: true, conversation };
 */
export type FakeUIBoxEventPayload<Name extends FakeUIBoxEventName> =
  Parameters<HandlerOf<Name>> extends [infer Payload, ...unknown[]] ? Payload : undefined;

/**
 * What `emit` accepts for an event: any fields of its payload, the rest filled with realistic defaults.
 * @example
 * const init: FakeUIBoxEventInit<"customMessageAction"> = { action: "reply", params: { tone: "warm" } };
 * chatbox.emit("customMessageAction", init);
 */
export type FakeUIBoxEventInit<Name extends FakeUIBoxEventName> =
  FakeUIBoxEventPayload<Name> extends object ? Partial<FakeUIBoxEventPayload<Name>> : undefined;
