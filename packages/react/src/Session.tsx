import { createElement, useEffect, useState, type ReactElement } from "react";
import {
  bindEventProps,
  connectOwned,
  createTalkSession,
  pickSessionOptions,
  validateSessionOptions,
  type SessionController,
} from "@x/session-core";
import { SessionContext } from "./SessionContext";
import type { SessionProps } from "./SessionProps";

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
  const { controller: sharedController, sessionRef } = props;
  const options = pickSessionOptions(props);
  // A shared controller keeps its own options unless the props name some; then they replace all of them.
  const appliesOptions = !sharedController || Object.keys(options).length > 0;
  if (appliesOptions) {
    validateSessionOptions(
      options,
      process.env.NODE_ENV !== "production" && sharedController
        ? `<Session> (given "controller", the option props replace all of its options)`
        : "<Session>",
    );
  }

  // The controller, whether this component created it, and the binding of the `on*` props to it.
  const own = (controller: SessionController, owned: boolean) =>
    [controller, owned, bindEventProps(controller)] as const;
  const [[controller, owned, events], setOwner] = useState(() =>
    own(sharedController ?? createTalkSession(options), !sharedController),
  );
  if (process.env.NODE_ENV !== "production" && sharedController !== undefined && sharedController !== controller) {
    console.warn(
      `[talk-session] <Session> keeps the "controller" it first received; give <Session> a new "key" to switch controllers.`,
    );
  }

  // After every render: the latest handlers (a new inline one never resubscribes) and options (the core
  // re-creates the session only for a new app, user or signature).
  useEffect(() => {
    events.update(props);
    if (appliesOptions) controller.setOptions(options);
  });
  useEffect(() => {
    // Released past the grace (an <Activity> hidden that long) destroyed it: the component starts a new one, from the
    // options of the latest render (React runs the latest effect when an <Activity> is shown again).
    if (owned && controller.getState().status === "destroyed") {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- rare (an <Activity> hidden past the grace): one re-render
      setOwner(own(createTalkSession(options), owned));
      return;
    }
    // Owned: destroyed once the keep-alive grace passes after unmount, unless a StrictMode remount comes within it.
    // Shared: only released, its owner decides when it ends.
    const release = owned ? connectOwned(controller) : controller.connect();
    return () => {
      events.dispose();
      release();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- new options alone reach the controller through setOptions
  }, [controller, owned]);
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
