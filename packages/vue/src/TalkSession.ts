import {
  bindEventProps,
  createTalkSession,
  pickSessionOptions,
  sessionOptionNames,
  validateSessionOptions,
  type SessionEventHandlers,
  type SessionEventName,
  type SessionEventProps,
  type SessionOptions,
} from "@x/session-core";
import {
  defineComponent,
  onBeforeUnmount,
  onMounted,
  provide,
  watch,
  type ComponentObjectPropsOptions,
  type SlotsType,
  type VNode,
} from "vue";
import { sessionContextKey } from "./sessionContext";
import type { TalkSessionProps, TalkSessionSlotProps } from "./TalkSessionProps";
import { createSessionRefs } from "./sessionRefs";

type TalkSessionSlots = SlotsType<{ default?: (props: TalkSessionSlotProps) => VNode[] }>;
// Types `@message`, `@unreads-change`, ... for templates; at run time the listeners arrive as the props below.
type TalkSessionEmits = {
  [Name in SessionEventName]: (...payload: Parameters<SessionEventHandlers[Name]>) => boolean;
};

// Listeners are props, not runtime emits: Vue re-renders a child when a prop changes but not when only a
// declared emit's listener does. `satisfies` fails the build when the SDK gains an event missing here.
const listenerProps = {
  onMessage: null,
  onUnreadsChange: null,
  onDesktopNotificationClicked: null,
  onBrowserPermissionNeeded: null,
  onBrowserPermissionDenied: null,
  onError: null,
} satisfies Record<keyof SessionEventProps, null>;

// A bare attribute of desktopNotification(s)Enabled, retry or debug arrives as `true`; `default: undefined` keeps
// an absent one undefined instead of Vue's `false`.
const castsBoolean = /Enabled|retry|debug/;
const booleanProp = { type: [Boolean, Object, Function], default: undefined };

// Vue merges two listeners of one event into an array; their results go back to TalkJS together.
const asHandler = (listener: unknown) =>
  Array.isArray(listener)
    ? (payload: unknown) => Promise.all(listener.map((each: (value: unknown) => unknown) => each(payload)))
    : listener;

/**
 * Provides a TalkJS session to its descendants: connects on mount, follows prop changes, releases on unmount.
 * Emits the session's events only when someone listens; the default slot gets `{ session, state, unreads }`.
 *
 * @example
 * <TalkSession app-id="APP_ID" user-id="pete" :token-fetcher="fetchToken" @message="onMessage" v-slot="{ state }">
 *   <ChatInbox v-if="state.status === 'ready'" />
 * </TalkSession>
 * @throws TypeError during setup when a prop is invalid, naming the prop.
 */
export const TalkSession = defineComponent<TalkSessionProps, TalkSessionEmits, string, TalkSessionSlots>(
  (props: TalkSessionProps, { slots, expose }) => {
    const owned = !props.controller;
    // A bare `retry` attribute means the default policy.
    const options = () => pickSessionOptions({ ...props, retry: props.retry === true ? undefined : props.retry });
    const validated = (next: SessionOptions) => (validateSessionOptions(next, "<TalkSession>"), next);
    if (process.env.NODE_ENV !== "production" && !owned && Object.keys(options()).length > 0) {
      console.warn(
        `[talk-session] <TalkSession> ignores session option props when "controller" is given; call controller.setOptions() instead.`,
      );
    }
    const controller = props.controller ?? createTalkSession(validated(options()));
    const refs = createSessionRefs(controller);
    provide(sessionContextKey, { controller, ...refs });
    expose({ session: refs.session, controller });
    if (owned) watch(options, (next) => controller.setOptions(validated(next)));

    // Props are reactive, so a listener added, replaced or removed after mount reaches the binding.
    const listeners = () => {
      const current: Record<string, unknown> = {};
      for (const prop in listenerProps) current[prop] = asHandler(props[prop as keyof typeof listenerProps]);
      return current;
    };
    const events = bindEventProps(controller);
    watch(listeners, (next) => events.update(next));
    let release: (() => void) | undefined;
    onMounted(() => {
      events.update(listeners());
      release = controller.connect();
    });
    onBeforeUnmount(() => {
      events.dispose();
      release?.();
      // Nothing can reconnect an owned controller once its component is gone.
      if (owned) controller.destroy();
    });

    return () => {
      const state = refs.state.value;
      return slots.default?.({ session: state.session, state, unreads: state.unreads });
    };
  },
  {
    name: "TalkSession",
    inheritAttrs: false,
    // Typed through `TalkSessionProps` above. Option props keep a runtime type only for boolean casting:
    // `validateSessionOptions` already rejects a wrong type and names the prop, so Vue's type warnings would repeat it.
    props: {
      ...Object.fromEntries(sessionOptionNames.map((name) => [name, castsBoolean.test(name) ? booleanProp : null])),
      ...listenerProps,
      controller: Object,
    } as unknown as ComponentObjectPropsOptions<TalkSessionProps>,
  },
);
