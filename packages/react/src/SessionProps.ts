import type { ReactNode } from "react";
import type Talk from "talkjs";
import type { CommonSessionOptions, SessionController, SessionEventProps, SessionOptions } from "@x/session-core";

/** Props every `<Session>` accepts, whoever owns the controller. */
interface SessionCommonProps extends SessionEventProps {
  /** Set to the live `Talk.Session` once ready; back to `undefined` once it is destroyed. */
  sessionRef?: { current: Talk.Session | undefined };
  children?: ReactNode;
}

/** `<Session>` creates and owns its controller from these options. */
type OwnControllerProps = SessionOptions & { controller?: undefined };

/** `<Session>` uses a controller created elsewhere: with no option prop it keeps its options; a full set replaces them. */
type SharedControllerProps = { controller: SessionController } & (
  SessionOptions | { [Name in keyof CommonSessionOptions | "userId" | "syncUser"]?: undefined }
);

/**
 * Props of `<Session>`: the session options (`appId`, exactly one of `userId`/`syncUser`, `token`,
 * `tokenFetcher`, ...), every `Talk.Session` event as an `on*` prop plus `onUnreadsChange` and
 * `onError`, `sessionRef`, `children`, or a `controller` made with `createTalkSession`.
 *
 * @example
 * const props: SessionProps = { appId: "APP_ID", userId: "pete", onMessage: (message) => console.log(message.body) };
 */
export type SessionProps = SessionCommonProps & (OwnControllerProps | SharedControllerProps);
