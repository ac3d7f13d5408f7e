import type { CommonSessionOptions, SessionController, SessionEventProps, SessionOptions } from "@x/session-core";
import type { Snippet } from "svelte";

/** With its own options, `<TalkSession>` creates, owns and finally destroys its store. */
type OwnSessionProps = SessionOptions & { controller?: undefined };

/** With `controller`, the options live in that controller, which `<TalkSession>` never destroys. */
type SharedControllerProps = { [Option in keyof CommonSessionOptions | "userId" | "syncUser"]?: never } & {
  controller: SessionController;
};

/**
 * Props of `<TalkSession>`: the session options (or a `controller`), every `on*` event and `children`.
 *
 * @example
 * const props: TalkSessionProps = { appId: "APP_ID", userId: "pete", onMessage: (message) => {} };
 */
export type TalkSessionProps = (OwnSessionProps | SharedControllerProps) &
  SessionEventProps & {
    /** What to render inside the session; it can call `getSessionContext()`. */
    children?: Snippet;
  };
