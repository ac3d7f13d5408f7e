import {
  createElement,
  Fragment,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
} from "react";
import {
  bindEventProps,
  eventNameOfProp,
  type SessionController,
  type SessionError,
  type UIBoxController,
  type UIBoxKind,
  type UIBoxOptionsOf,
} from "@x/session-core";
import { SessionContext } from "./SessionContext";
import { requireSessionController } from "./requireSessionController";
import type { UIBoxElementProps, UIBoxRef } from "./UIBoxProps";

type Props = UIBoxElementProps & Readonly<Record<string, unknown>> & { onError?: (error: SessionError) => void };

// What React takes for itself (and the ref, chatboxRef, ...); every other prop that is not an event is a TalkJS option.
const reactProps = /^(loadingComponent|style|className)$/;
// On the element the box mounts into, never to TalkJS.
const attribute = /^(data|aria)-/;

/**
 * Internal: one box controller for each session controller the context gives the component (a `<Session>` that
 * recovers from an `<Activity>` hidden past its grace gives a new one); the previous one is destroyed. After every
 * render it gets the latest options (the core applies only what changed) and handlers; it is mounted into the element
 * this returns while the component is. That element is hidden until the box is mounted, with the loading content
 * beside it until then (not in `error`), as `@talkjs/react` renders them; TalkJS owns its children, so React never
 * renders into it. A Popup renders none.
 */
export function useUIBox<Kind extends UIBoxKind>(
  component: string,
  create: (talk: SessionController, options: UIBoxOptionsOf<Kind>) => UIBoxController<Kind>,
  given: object,
  refName: string,
): ReactElement {
  const props = given as Props;
  const talk = requireSessionController(useContext(SessionContext), component);
  const options: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (attribute.test(name)) attributes[name] = value;
    else if (value !== undefined && name !== refName && !eventNameOfProp(name) && !reactProps.test(name))
      options[name] = value;
  }
  // Creating a box controller touches nothing until mount(), so a render React discards leaves nothing behind.
  const bind = (replaced?: UIBoxController<Kind>) => {
    const controller = create(talk, options);
    return { talk, controller, events: bindEventProps(controller), replaced };
  };
  const [bound, rebind] = useState(bind);
  let current = bound;
  // A new controller in context: a new box controller, set during render as React's docs adjust state to a prop.
  if (bound.talk !== talk) rebind((current = bind(bound.controller)));
  const { controller, events, replaced } = current;
  const { status } = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  const ref = props[refName] as UIBoxRef<Kind> | undefined;
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Box events and onError (the controller's `error` event).
    events.update(props);
    // The core compares by content: the same values again change nothing.
    controller.setOptions(options);
  });
  // Its box is gone with the unmount below, in the same commit; destroy() is final (a StrictMode re-run does nothing).
  useEffect(() => replaced?.destroy(), [replaced]);
  // The unmount destroys the box and releases the session; a StrictMode remount builds a new box.
  useEffect(() => controller.mount(element.current ?? undefined), [controller]);
  // The ref given by the latest commit holds the live box; one no longer given, or unmounted, holds undefined.
  useEffect(() => {
    if (!ref) return;
    const follow = () => (ref.current = controller.getState().box);
    follow();
    const unsubscribe = controller.subscribe(follow);
    return () => {
      unsubscribe();
      ref.current = undefined;
    };
  }, [controller, ref]);

  const mounted = status === "mounted";
  const { loadingComponent, style, className } = props;
  // With createElement, not JSX: no JSX-runtime import of its own in an app's bundle.
  return createElement(
    Fragment,
    null,
    !mounted && status !== "error" && createElement("div", { style, className }, loadingComponent),
    // eslint-disable-next-line react-hooks/refs -- the ref object is handed over as JSX's ref= would, not read
    createElement("div", {
      ...attributes,
      ref: element,
      style: mounted ? style : { ...style, display: "none" },
      className,
    }),
  );
}
