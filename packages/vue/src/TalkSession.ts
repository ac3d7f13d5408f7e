import {
  bindEventProps,
  connectOwned,
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
import { asHandler } from "./asHandler";
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
    // The options to apply: a shared controller keeps its own unless the props name some; then they replace all.
    const options = (): SessionOptions | undefined => {
      // A bare `retry` attribute means the default policy.
      const next = pickSessionOptions({ ...props, retry: props.retry === true ? undefined : props.retry });
      if (owned || Object.keys(next).length > 0) {
        validateSessionOptions(
          next,
          process.env.NODE_ENV !== "production" && !owned
            ? `<TalkSession> (given "controller", the option props replace all of its options)`
            : "<TalkSession>",
        );
        return next;
      }
    };
    // Validates during setup, so bad props throw here, naming the prop.
    const initial = options();
    const controller = props.controller ?? createTalkSession(initial as SessionOptions);
    const refs = createSessionRefs(controller);
    provide(sessionContextKey, { controller, ...refs });
    expose({ session: refs.session, controller });

    // Props are reactive, so a listener added, replaced or removed after mount reaches the binding.
    const listeners = () => {
      const current: Record<string, unknown> = {};
      for (const prop in listenerProps) current[prop] = asHandler(props[prop as keyof typeof listenerProps]);
      return current;
    };
    const events = bindEventProps(controller);
    let release: (() => void) | undefined;
    onMounted(() => {
      // Watchers made here stop with the component; on a server nothing below runs.
      watch(options, (next) => next && controller.setOptions(next), { immediate: !owned });
      watch(listeners, events.update, { immediate: true });
      // An owned controller is destroyed once the keep-alive grace passes after unmount; a shared one is only released.
      release = owned ? connectOwned(controller) : controller.connect();
    });
    onBeforeUnmount(() => {
      events.dispose();
      release?.();
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
