import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import {
  bindEventProps,
  connectOwned,
  createTalkSession,
  pickSessionOptions,
  validateSessionOptions,
} from "@x/session-core";
import { SessionContext } from "./SessionContext";
import type { SessionProps } from "./SessionProps";

const sharedOwner = `<Session> (given "controller", the option props replace all of its options)`;

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
  const { controller: sharedController, sessionRef, children } = props;
  const options = pickSessionOptions(props);
  // A shared controller keeps its own options unless the props name some; then they replace all of them.
  const appliesOptions = !sharedController || Object.keys(options).length > 0;
  if (appliesOptions) validateSessionOptions(options, sharedController ? sharedOwner : "<Session>");

  const [{ controller, owned }, setOwner] = useState(() =>
    sharedController
      ? { controller: sharedController, owned: false }
      : { controller: createTalkSession(options), owned: true },
  );
  const events = useMemo(() => bindEventProps(controller), [controller]);
  const latestOptions = useRef(options);
  if (process.env.NODE_ENV !== "production" && sharedController !== undefined && sharedController !== controller) {
    console.warn(
      `[talk-session] <Session> keeps the "controller" it first received; give <Session> a new "key" to switch controllers.`,
    );
  }

  // Latest-value binding: a new inline handler each render never resubscribes.
  useEffect(() => events.update(props));
  useEffect(() => () => events.dispose(), [events]);
  // Cheap when nothing changed: the core re-creates the session only for a new app, user or signature.
  useEffect(() => {
    latestOptions.current = options;
    if (appliesOptions) controller.setOptions(options);
  });
  useEffect(() => {
    // A shared controller is only released: its owner decides when it ends.
    if (!owned) return controller.connect();
    // Released past the grace (an <Activity> hidden that long) destroyed it: the component starts a new one.
    if (controller.getState().status === "destroyed") {
      setOwner({ controller: createTalkSession(latestOptions.current), owned });
      return;
    }
    // Destroyed once the keep-alive grace passes after unmount; a StrictMode remount within it keeps the session.
    return connectOwned(controller);
  }, [controller, owned]);
  useEffect(() => {
    if (!sessionRef) return;
    const sync = () => void (sessionRef.current = controller.getState().session);
    sync();
    const unsubscribe = controller.subscribe(sync);
    return () => {
      unsubscribe();
      sessionRef.current = undefined;
    };
  }, [controller, sessionRef]);

  return <SessionContext.Provider value={controller}>{children}</SessionContext.Provider>;
}
