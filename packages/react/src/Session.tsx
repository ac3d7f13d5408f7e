import { createElement, useEffect, type ReactElement } from "react";
import { createTalkSession, validateSessionOptions } from "@x/session-core";
import { SessionContext } from "./SessionContext";
import type { SessionProps } from "./SessionProps";
import { useProviderController } from "./useProviderController";

/**
 * A user's TalkJS session for everything inside it: connects while mounted, re-creates the
 * `Talk.Session` only when `appId`, the user or `signature` change, and forwards every `on*` prop.
 *
 * @example
 * <Session appId="APP_ID" userId="pete" onMessage={(message) => console.log(message.body)}>
 *   <App />
 * </Session>
 * @throws TypeError during render when a prop is missing or wrong, naming the prop.
 */
export function Session(props: SessionProps): ReactElement {
  const { sessionRef } = props;
  const controller = useProviderController("<Session>", props, createTalkSession, validateSessionOptions);
  useEffect(() => {
    if (!sessionRef) return;
    const follow = () => (sessionRef.current = controller.getState().session);
    follow();
    const unsubscribe = controller.subscribe(follow);
    return () => {
      unsubscribe();
      sessionRef.current = undefined;
    };
  }, [controller, sessionRef]);

  // createElement, not JSX: one import statement less in an app's bundle. Children as a prop, as JSX passes them.
  return createElement(SessionContext.Provider, { value: controller, children: props.children });
}
