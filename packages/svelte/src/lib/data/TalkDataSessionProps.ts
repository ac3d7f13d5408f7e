import type { DataSessionController, DataSessionOptions, SessionError } from "@x/session-core/data";
import type { Snippet } from "svelte";

/** With its own options, `<TalkDataSession>` creates and owns its store. */
type OwnDataSessionProps = DataSessionOptions & { controller?: undefined };

/** With `controller` alone, the options stay the controller's own; a full set of option props replaces them. */
type SharedControllerProps = { controller: DataSessionController } & (
  DataSessionOptions | { [Option in keyof DataSessionOptions]?: undefined }
);

/**
 * Props of `<TalkDataSession>`: the data session options (or a `controller`), `onError` and `children`.
 *
 * @example
 * const props: TalkDataSessionProps = { appId: "APP_ID", userId: "pete", onError: (error) => console.warn(error.code) };
 */
export type TalkDataSessionProps = (OwnDataSessionProps | SharedControllerProps) & {
  /** Every `SessionError`, fatal or not (`query-failed`, `session-terminated`, ...); the latest function is called. */
  onError?: (error: SessionError) => void;
  /** What to render inside the session; it can call `getDataSessionContext()`. */
  children?: Snippet;
};
