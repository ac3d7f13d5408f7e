import type {
  CommonSessionOptions,
  RetryOptions,
  SessionController,
  SessionEventProps,
  SessionState,
  SyncUserSessionOptions,
  UserIdSessionOptions,
} from "@x/session-core";
import type Talk from "talkjs";

type OptionName = keyof CommonSessionOptions | "userId" | "syncUser";

/** The session options as props; `retry` also takes `true` (a bare attribute): the default policy. */
type OptionProps<Options> = Omit<Options, "retry"> & { retry?: RetryOptions | boolean };

/**
 * Props of `<TalkSession>`: the session options (exactly one of `userId`/`syncUser`), or a `controller`
 * created elsewhere, alone or with a full set of options that replace its own; and a listener prop
 * (`onMessage`, ...) per session event.
 *
 * @example
 * const props: TalkSessionProps = { controller: createTalkSession({ appId: "APP_ID", userId: "pete" }) };
 */
export type TalkSessionProps = SessionEventProps &
  (
    | ((OptionProps<UserIdSessionOptions> | OptionProps<SyncUserSessionOptions>) & { controller?: SessionController })
    | ({ controller: SessionController } & { [Name in OptionName]?: undefined })
  );

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
