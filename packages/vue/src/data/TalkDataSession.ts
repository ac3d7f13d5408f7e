import { connectOwned, pickSessionOptions } from "@x/session-core";
import {
  createDataSession,
  validateDataOptions,
  type DataSessionController,
  type DataSessionOptions,
  type SessionError,
} from "@x/session-core/data";
import {
  camelize,
  computed,
  defineComponent,
  onMounted,
  onScopeDispose,
  provide,
  watch,
  type SlotsType,
  type VNode,
} from "vue";
import { bindListeners } from "../bindListeners";
import { toPlain } from "../toPlain";
import { dataSessionContextKey } from "./dataSessionContext";
import { followState } from "./followState";
import type { TalkDataSessionProps, TalkDataSessionSlotProps } from "./TalkDataSessionProps";

type TalkDataSessionSlots = SlotsType<{ default?: (props: TalkDataSessionSlotProps) => VNode[] }>;
// Types `@error` for templates; at run time the listener arrives as an attribute.
type TalkDataSessionEmits = { error: (error: SessionError) => boolean };

// A bare attribute (`""`) of retry or debug means `true`, as a Boolean prop would.
const castsBoolean = /^(retry|debug)$/;

/**
 * Provides a TalkJS data session (`@talkjs/core`) to its descendants' live-data composables: connects on mount,
 * follows prop changes (only a new `app-id` or `user-id` starts a new TalkJS session), releases on unmount.
 * The default slot gets `{ session, state }`; `@error` hears every `SessionError`.
 *
 * @example
 * <TalkDataSession app-id="APP_ID" user-id="pete" :token-fetcher="fetchToken" @error="report">
 *   <ConversationList />
 * </TalkDataSession>
 * @throws TypeError during setup when a prop is invalid or unknown, naming the prop.
 */
export const TalkDataSession = defineComponent<
  TalkDataSessionProps,
  TalkDataSessionEmits,
  string,
  TalkDataSessionSlots
>(
  (_: TalkDataSessionProps, { attrs, slots, expose }) => {
    // Read once, like the options and the listener an attribute (see `read`).
    const sharedController = attrs.controller as DataSessionController | undefined;
    const owned = !sharedController;
    // Options and the listener are attributes, camelized, so Vue updates this component when any of them changes.
    const read = () => {
      // Reading one attribute tracks them all, even when there are none yet.
      const given: Record<string, unknown> = { onError: attrs.onError };
      for (const key in attrs) {
        const value = attrs[key];
        const name = camelize(key);
        given[name] = value === "" && castsBoolean.test(name) ? true : toPlain(value);
      }
      // A bare `retry` attribute means the default policy.
      if (given.retry === true) given.retry = undefined;
      return given;
    };
    // The options to apply: a shared controller keeps its own unless the props name some; then they replace all.
    const optionsOf = (given: Record<string, unknown>): DataSessionOptions | undefined => {
      const next = pickSessionOptions(given) as unknown as DataSessionOptions;
      if (owned || Object.keys(next).length > 0) {
        validateDataOptions(
          next,
          process.env.NODE_ENV !== "production" && !owned
            ? `<TalkDataSession> (given "controller", the option props replace all of its options)`
            : "<TalkDataSession>",
        );
        return next;
      }
    };
    // Validates during setup, so bad props throw here, naming the prop.
    const controller = sharedController ?? createDataSession(optionsOf(read()) as DataSessionOptions);
    const followed = followState(() => controller, controller.getState());
    const state = computed(() => followed.value);
    const session = computed(() => state.value.session);
    provide(dataSessionContextKey, { controller, state });
    expose({ controller, state, session });

    const listeners = bindListeners(controller);
    const apply = (given: Record<string, unknown>) => {
      listeners.update({ onError: given.onError });
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
      listeners.dispose();
      release?.();
    });

    return () => slots.default?.({ session: session.value, state: state.value });
  },
  {
    name: "TalkDataSession",
    inheritAttrs: false,
  },
);
