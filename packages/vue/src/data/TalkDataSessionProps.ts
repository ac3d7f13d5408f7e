import type { RetryOptions } from "@x/session-core";
import type { DataSessionController, DataSessionOptions, DataSessionState, SessionError } from "@x/session-core/data";
import type { TalkSession } from "@talkjs/core";

/** The data session options as props; `retry` also takes `true` (a bare attribute): the default policy. */
type OptionProps = Omit<DataSessionOptions, "retry"> & { retry?: RetryOptions | boolean };

/**
 * Props of `<TalkDataSession>`: the data session options (`app-id`, `user-id`, `token-fetcher`, ...), or a
 * `controller` created elsewhere, alone or with a full set of options that replace its own; and `onError`.
 *
 * @example
 * const props: TalkDataSessionProps = { appId: "APP_ID", userId: "pete", onError: (error) => console.error(error) };
 */
export type TalkDataSessionProps = { onError?: (error: SessionError) => void } & (
  | (OptionProps & { controller?: DataSessionController })
  | ({ controller: DataSessionController } & { [Name in keyof DataSessionOptions]?: undefined })
);

/**
 * What a template ref to `<TalkDataSession>` sees: the live TalkJS session and the controller.
 *
 * @example
 * const data = ref<TalkDataSessionExposed>(); // <TalkDataSession ref="data" ...>
 * const retry = () => data.value?.controller.retry();
 */
export interface TalkDataSessionExposed {
  readonly session: TalkSession | undefined;
  readonly state: DataSessionState;
  readonly controller: DataSessionController;
}

/**
 * What the default slot of `<TalkDataSession>` receives: the live TalkJS session and the whole state.
 *
 * @example
 * <TalkDataSession app-id="APP_ID" user-id="pete" v-slot="{ state }">
 *   <p v-if="state.status === 'error'">{{ state.error.message }}</p>
 * </TalkDataSession>
 */
export interface TalkDataSessionSlotProps {
  session: TalkSession | undefined;
  state: DataSessionState;
}
