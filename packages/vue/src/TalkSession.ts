import {
  bindEventProps,
  connectOwned,
  createTalkSession,
  pickSessionOptions,
  sessionOptionNames,
  validateSessionOptions,
  type SessionEventHandlers,
  type SessionEventName,
  type SessionOptions,
} from "@x/session-core";
import {
  camelize,
  defineComponent,
  onBeforeUnmount,
  onMounted,
  onUpdated,
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
// Types `@message`, `@unreads-change`, ... for templates; at run time the listeners arrive as attributes.
type TalkSessionEmits = {
  [Name in SessionEventName]: (...payload: Parameters<SessionEventHandlers[Name]>) => boolean;
};

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
  (props: TalkSessionProps, { attrs, slots, expose }) => {
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
    // One object for both: the instance exposes `session` and `controller` (and the state refs as well).
    const context = { controller, ...refs };
    provide(sessionContextKey, context);
    expose(context);

    // Listeners are attributes, not runtime emits: Vue updates a child when an attribute changes but not when only
    // a declared emit's listener does. Any `on*` attribute is an event, so one the SDK adds later works too.
    const events = bindEventProps(controller);
    const bindListeners = () => {
      const listeners: Record<string, unknown> = {};
      // A `v-on` object's `"unreads-change"` arrives as `onUnreads-change`.
      for (const name in attrs) listeners[camelize(name)] = asHandler(attrs[name]);
      events.update(listeners);
    };
    let release: (() => void) | undefined;
    onMounted(() => {
      bindListeners();
      // Made here, the watcher stops with the component; on a server nothing below runs.
      watch(options, (next) => next && controller.setOptions(next), { immediate: !owned });
      // An owned controller is destroyed once the keep-alive grace passes after unmount; a shared one is only released.
      release = owned ? connectOwned(controller) : controller.connect();
    });
    onUpdated(bindListeners);
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
      controller: Object,
    } as unknown as ComponentObjectPropsOptions<TalkSessionProps>,
  },
);
