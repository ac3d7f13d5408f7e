import {
  createDataSession,
  validateDataOptions,
  type DataSessionController,
  type SessionError,
} from "@x/session-core/data";
import { computed, defineComponent, provide, type SlotsType, type VNode } from "vue";
import { useProviderController } from "../useProviderController";
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
    const provideContext = (controller: DataSessionController) => {
      const followed = followState(() => controller, controller.getState());
      const state = computed(() => followed.value);
      const session = computed(() => state.value.session);
      provide(dataSessionContextKey, { controller, state });
      expose({ controller, state, session });
      return { state, session };
    };
    // Only `@error`: a data session has no other events.
    const { state, session } = useProviderController(
      "<TalkDataSession>",
      attrs,
      castsBoolean,
      createDataSession,
      validateDataOptions,
      provideContext,
      (given) => ({ onError: given.onError }),
    );

    return () => slots.default?.({ session: session.value, state: state.value });
  },
  {
    name: "TalkDataSession",
    inheritAttrs: false,
  },
);
