import { createElement, Fragment, useContext, useEffect, useRef, useState, type ReactElement } from "react";
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
 * Internal: one box for the life of a component. The controller is made once; after every render it gets the latest
 * options (the core applies only what changed) and handlers; it is mounted into the element this returns while the
 * component is. That element is hidden until the box is mounted, with the loading content beside it, as
 * `@talkjs/react` renders them; TalkJS owns its children, so React never renders into it. A Popup renders none.
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
  const [[controller, events]] = useState(() => {
    const made = create(talk, options);
    return [made, bindEventProps(made)] as const;
  });
  const [mounted, setMounted] = useState(false);
  const element = useRef<HTMLDivElement>(null);
  const latest = useRef(props);

  useEffect(() => {
    latest.current = props;
    // Box events and onError (the controller's `error` event).
    events.update(props);
    // The core compares by content: the same values again change nothing.
    controller.setOptions(options);
  });
  useEffect(() => {
    const unsubscribe = controller.subscribe((state) => {
      const ref = latest.current[refName];
      if (ref) (ref as UIBoxRef<Kind>).current = state.box;
      setMounted(state.status === "mounted");
    });
    // The unmount destroys the box (the ref goes back to undefined) and releases the session; a StrictMode remount
    // builds a new box.
    const unmount = controller.mount(element.current ?? undefined);
    return () => {
      unmount();
      unsubscribe();
    };
  }, [controller, refName]);

  const { loadingComponent, style, className } = props;
  // With createElement, not JSX: no JSX-runtime import of its own in an app's bundle.
  return createElement(
    Fragment,
    null,
    !mounted && createElement("div", { style, className }, loadingComponent),
    // eslint-disable-next-line react-hooks/refs -- the ref object is handed over as JSX's ref= would, not read
    createElement("div", {
      ...attributes,
      ref: element,
      style: mounted ? style : { ...style, display: "none" },
      className,
    }),
  );
}
