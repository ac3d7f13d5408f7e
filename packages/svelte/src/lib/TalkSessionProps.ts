import type { CommonSessionOptions, SessionController, SessionEventProps, SessionOptions } from "@x/session-core";
import type { Snippet } from "svelte";

/** With its own options, `<TalkSession>` creates and owns its store. */
type OwnSessionProps = SessionOptions & { controller?: undefined };

/** With `controller` alone, the options stay the controller's own; a full set of option props replaces them. */
type SharedControllerProps = { controller: SessionController } & (
  SessionOptions | { [Option in keyof CommonSessionOptions | "userId" | "syncUser"]?: undefined }
);

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
