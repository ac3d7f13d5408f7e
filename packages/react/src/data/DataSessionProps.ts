import type { ReactNode } from "react";
import type { DataSessionController, DataSessionOptions, SessionError } from "@x/session-core/data";

/** Props every `<DataSession>` accepts, whoever owns the controller. */
interface DataSessionCommonProps {
  /** Every `SessionError`, fatal or not (`query-failed`, `session-terminated`, ...); the latest function is called. */
  onError?: (error: SessionError) => void;
  children?: ReactNode;
}

/** `<DataSession>` creates and owns its controller from these options. */
type OwnControllerProps = DataSessionOptions & { controller?: undefined };

/** `<DataSession>` uses a controller created elsewhere: with no option prop it keeps its options; a full set replaces them. */
type SharedControllerProps = { controller: DataSessionController } & (
  DataSessionOptions | { [Name in keyof DataSessionOptions]?: undefined }
);

/**
 * Props of `<DataSession>`: the data session options (`appId`, `userId`, `syncUser`, `token`, `tokenFetcher`,
 * `retry`, `keepAliveMs`, `debug`, `core`), `onError`, `children`, or a `controller` made with `createDataSession`.
 *
 * @example
 * const props: DataSessionProps = { appId: "APP_ID", userId: "pete", tokenFetcher: () => fetchToken("pete") };
 */
export type DataSessionProps = DataSessionCommonProps & (OwnControllerProps | SharedControllerProps);
