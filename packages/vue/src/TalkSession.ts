import {
  bindEventProps,
  createTalkSession,
  pickSessionOptions,
  validateSessionOptions,
  type CommonSessionOptions,
  type SessionController,
  type SessionEventHandlers,
  type SessionOptions,
  type SessionState,
} from "@x/session-core";
import type Talk from "talkjs";
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
  type PropType,
  type SlotsType,
  type VNode,
} from "vue";
import { sessionContextKey } from "./sessionContext";
import { createSessionRefs } from "./sessionRefs";

type OptionName = keyof CommonSessionOptions | "userId" | "syncUser";

/**
 * Props of `<TalkSession>`: either the session options (exactly one of `userId`/`syncUser`) or a
 * `controller` created elsewhere, never both.
 *
 * @example
 * const props: TalkSessionProps = { controller: createTalkSession({ appId: "APP_ID", userId: "pete" }) };
 */
export type TalkSessionProps =
  | (SessionOptions & { controller?: undefined })
  | ({ controller: SessionController } & { [Name in OptionName]?: undefined });

/**
 * What a template ref to `<TalkSession>` sees: the live session and the controller.
 *
 * @example
 * const talkSession = ref<TalkSessionExposed>(); // <TalkSession ref="talkSession" ...>
 * const retry = () => talkSession.value?.controller.retry();
 */
export interface TalkSessionExposed {
  readonly session: Talk.Session | undefined;
  readonly controller: SessionController;
}

/**
 * What the default slot of `<TalkSession>` receives: the live session, the whole state and the unreads.
 *
 * @example
 * <TalkSession app-id="APP_ID" user-id="pete" v-slot="{ state, unreads }">
 *   <p v-if="state.status === 'ready'">{{ unreads?.length ?? 0 }} unread</p>
 * </TalkSession>
 */
export interface TalkSessionSlotProps {
  session: Talk.Session | undefined;
  state: SessionState;
  unreads: SessionState["unreads"];
}

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

// Vue puts every listener, `@unreads-change` included, on the vnode as `onUnreadsChange`; `onVnode*` are lifecycle hooks.
const isEventListener = (key: string) => /^on[A-Z][\w-]*$/.test(key) && !key.startsWith("onVnode");

function callListener(listener: unknown, payload: unknown): unknown {
  if (Array.isArray(listener)) return Promise.all(listener.map((each: (value: unknown) => unknown) => each(payload)));
  return typeof listener === "function" ? (listener as (value: unknown) => unknown)(payload) : undefined;
}

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
    if (owned) validateSessionOptions(options(), "<TalkSession>");
    else if (process.env.NODE_ENV !== "production" && Object.keys(options()).length > 0) {
      console.warn(
        `[talk-session] <TalkSession> ignores session option props when "controller" is given; call controller.setOptions() instead.`,
      );
    }
    const controller = props.controller ?? createTalkSession(options());
    const refs = createSessionRefs(controller);
    provide(sessionContextKey, { controller, ...refs });
    expose({ session: refs.session, controller });

    if (owned) {
      watch(options, (next) => {
        validateSessionOptions(next, "<TalkSession>");
        controller.setOptions(next);
      });
    }

    // Each wrapper reads the vnode at call time, so a new inline handler is used without resubscribing.
    const listeners = () => {
      const wrappers: Record<string, (payload: unknown) => unknown> = {};
      for (const [key, value] of Object.entries(instance.vnode.props ?? {})) {
        if (!isEventListener(key) || (typeof value !== "function" && !Array.isArray(value))) continue;
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

    return () => slots.default?.({ session: refs.session.value, state: refs.state.value, unreads: refs.unreads.value });
  },
  {
    name: "TalkSession",
    inheritAttrs: false,
    // Typed through `TalkSessionProps` above; this object gives Vue its runtime checks and boolean casting.
    props: {
      appId: String,
      userId: String,
      syncUser: [Object, Function] as PropType<SessionOptions["syncUser"]>,
      token: String,
      tokenFetcher: Function as PropType<CommonSessionOptions["tokenFetcher"]>,
      signature: String,
      // `default: undefined` keeps an absent boolean undefined instead of Vue's `false`.
      desktopNotificationsEnabled: { type: Boolean, default: undefined },
      desktopNotificationEnabled: { type: Boolean, default: undefined },
      retry: { type: [Object, Boolean] as PropType<CommonSessionOptions["retry"]>, default: undefined },
      loadTimeoutMs: Number,
      keepAliveMs: Number,
      debug: { type: [Boolean, Function] as PropType<CommonSessionOptions["debug"]>, default: undefined },
      talk: [Object, Function] as PropType<CommonSessionOptions["talk"]>,
      controller: Object as PropType<SessionController>,
    } as unknown as ComponentObjectPropsOptions<TalkSessionProps>,
    emits: Object.fromEntries(emitted.map((name) => [name, null])) as unknown as TalkSessionEmits,
    slots: Object as TalkSessionSlots,
  },
);
