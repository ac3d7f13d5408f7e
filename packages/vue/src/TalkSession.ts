import {
  createTalkSession,
  validateSessionOptions,
  type SessionEventHandlers,
  type SessionEventName,
  type SessionController,
} from "@x/session-core";
import { defineComponent, provide, type SlotsType, type VNode } from "vue";
import { sessionContextKey } from "./sessionContext";
import type { TalkSessionProps, TalkSessionSlotProps } from "./TalkSessionProps";
import { createSessionRefs } from "./sessionRefs";
import { useProviderController } from "./useProviderController";

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
    const provideContext = (controller: SessionController) => {
      const refs = createSessionRefs(controller);
      // One object for both: the instance exposes `session` and `controller` (and the state refs as well).
      const context = { controller, ...refs };
      provide(sessionContextKey, context);
      expose(context);
      return refs;
    };
    const refs = useProviderController(
      "<TalkSession>",
      attrs,
      castsBoolean,
      createTalkSession,
      validateSessionOptions,
      provideContext,
    );

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
