import {
  connectOwned,
  createTalkSession,
  pickSessionOptions,
  validateSessionOptions,
  type SessionEventHandlers,
  type SessionEventName,
  type SessionController,
  type SessionOptions,
} from "@x/session-core";
import { camelize, defineComponent, onScopeDispose, onMounted, provide, watch, type SlotsType, type VNode } from "vue";
import { bindListeners } from "./bindListeners";
import { sessionContextKey } from "./sessionContext";
import type { TalkSessionProps, TalkSessionSlotProps } from "./TalkSessionProps";
import { createSessionRefs } from "./sessionRefs";
import { toPlain } from "./toPlain";

type TalkSessionSlots = SlotsType<{ default?: (props: TalkSessionSlotProps) => VNode[] }>;
// Types `@message`, `@unreads-change`, ... for templates; at run time the listeners arrive as attributes.
type TalkSessionEmits = {
  [Name in SessionEventName]: (...payload: Parameters<SessionEventHandlers[Name]>) => boolean;
};

// A bare attribute (`""`) of desktopNotification(s)Enabled, retry or debug means `true`, as a Boolean prop would.
const castsBoolean = /Enabled|retry|debug/;

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
  (_: TalkSessionProps, { attrs, slots, expose }) => {
    // Read once, like the options and listeners an attribute (see `read`).
    const sharedController = attrs.controller as SessionController | undefined;
    const owned = !sharedController;
    // Options and listeners are attributes, camelized: Vue updates a child when an attribute changes, also a
    // listener, and any `on*` attribute is an event, so one the SDK adds later works too.
    const read = () => {
      // Reading one attribute tracks them all, even when there are none yet.
      const given: Record<string, unknown> = { onError: attrs.onError };
      for (const key in attrs) {
        const value = attrs[key];
        // A `v-on` object's `"unreads-change"` arrives as `onUnreads-change`.
        const name = camelize(key);
        given[name] = value === "" && castsBoolean.test(name) ? true : toPlain(value);
      }
      // A bare `retry` attribute means the default policy.
      if (given.retry === true) given.retry = undefined;
      return given;
    };
    // The options to apply: a shared controller keeps its own unless the props name some; then they replace all.
    const optionsOf = (given: Record<string, unknown>): SessionOptions | undefined => {
      const next = pickSessionOptions(given);
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
    const controller = sharedController ?? createTalkSession(optionsOf(read()) as SessionOptions);
    const refs = createSessionRefs(controller);
    // One object for both: the instance exposes `session` and `controller` (and the state refs as well).
    const context = { controller, ...refs };
    provide(sessionContextKey, context);
    expose(context);

    const events = bindListeners(controller);
    const apply = (given: Record<string, unknown>) => {
      events.update(given);
      const next = optionsOf(given);
      if (next) controller.setOptions(next);
    };
    let release: (() => void) | undefined;
    onMounted(() => {
      apply(read());
      // Made here, the watcher stops with the component; on a server nothing below runs.
      watch(read, apply);
      // An owned controller is destroyed once the keep-alive grace passes after unmount; a shared one is only released.
      release = owned ? connectOwned(controller) : controller.connect();
    });
    onScopeDispose(() => {
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
  },
);
