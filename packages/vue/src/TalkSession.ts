import {
  bindEventProps,
  createTalkSession,
  pickSessionOptions,
  sessionOptionNames,
  validateSessionOptions,
  type SessionEventHandlers,
  type SessionOptions,
} from "@x/session-core";
import {
  camelize,
  defineComponent,
  getCurrentInstance,
  onBeforeUnmount,
  onBeforeUpdate,
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

const emitted = [
  "message",
  "unreadsChange",
  "desktopNotificationClicked",
  "browserPermissionNeeded",
  "browserPermissionDenied",
  "error",
] as const;
type TalkSessionEmits = {
  [Name in (typeof emitted)[number]]: (...payload: Parameters<SessionEventHandlers[Name]>) => boolean;
};

// A bare attribute of desktopNotification(s)Enabled, retry or debug means `true`; `default: undefined` keeps an
// absent one undefined instead of Vue's `false`.
const castsBoolean = /Enabled|retry|debug/;
const booleanProp = { type: [Boolean, Object, Function], default: undefined };

// Vue puts every listener, `@unreads-change` included, on the vnode as `onUnreadsChange`; `onVnode*` are lifecycle hooks.
const isEventListener = /^on(?!Vnode)[A-Z][\w-]*$/;

// Calls the listener, or each one Vue merged into an array; the result goes back to TalkJS.
const callListener = (listener: unknown, payload: unknown): unknown =>
  typeof listener === "function"
    ? (listener as (value: unknown) => unknown)(payload)
    : Array.isArray(listener)
      ? Promise.all(listener.map((each: (value: unknown) => unknown) => each(payload)))
      : undefined;

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
    // setup() always runs with a current instance; a runtime check would only add bytes.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
    const instance = getCurrentInstance()!;
    const owned = !props.controller;
    const options = () => pickSessionOptions(props);
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

    // Each wrapper reads the vnode at call time, so a new inline handler is used without resubscribing.
    const listeners = () => {
      const wrappers: Record<string, (payload: unknown) => unknown> = {};
      for (const key in instance.vnode.props) {
        const value: unknown = instance.vnode.props[key];
        if (isEventListener.test(key) && (typeof value === "function" || Array.isArray(value)))
          wrappers[camelize(key)] = (payload) => callListener(instance.vnode.props?.[key], payload);
      }
      return wrappers;
    };
    const events = bindEventProps(controller);
    let release: (() => void) | undefined;
    onMounted(() => {
      events.update(listeners());
      release = controller.connect();
    });
    onBeforeUpdate(() => events.update(listeners()));
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
      controller: Object,
    } as unknown as ComponentObjectPropsOptions<TalkSessionProps>,
    emits: emitted as unknown as TalkSessionEmits,
  },
);
