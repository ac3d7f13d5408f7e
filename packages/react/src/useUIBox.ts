import { useContext, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from "react";
import {
  bindEventProps,
  eventNameOfProp,
  type SessionController,
  type SessionError,
  type UIBoxController,
  type UIBoxKind,
  type UIBoxOptionsOf,
  type UIBoxState,
} from "@x/session-core";
import { SessionContext } from "./SessionContext";
import { requireSessionController } from "./requireSessionController";
import type { UIBoxRef } from "./UIBoxProps";

type Props = Readonly<Record<string, unknown>> & { onError?: (error: SessionError) => void };

// What React takes for itself (`data-*` and `aria-*` go on the box's element); every other prop that is not an event
// is a TalkJS option.
const reactProps = /^(chatboxRef|inboxRef|popupRef|loadingComponent|style|className)$|^(data|aria)-/;

/**
 * Internal: one box for the life of a component. The controller is made once; after every render it gets the latest
 * options (the core applies only what changed) and handlers; it is mounted into `element` while the component is.
 */
export function useUIBox<Kind extends UIBoxKind>(
  component: string,
  create: (talk: SessionController, options: UIBoxOptionsOf<Kind>) => UIBoxController<Kind>,
  props: object,
  refName: string,
  element?: RefObject<HTMLElement | null>,
): UIBoxState<Kind> {
  const talk = requireSessionController(useContext(SessionContext), component);
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined && !eventNameOfProp(name) && !reactProps.test(name)) options[name] = value;
  }
  const [controller] = useState(() => create(talk, options));
  const [events] = useState(() => bindEventProps(controller));
  const latest = useRef(props as Props);
  const given = useRef(options);

  useEffect(() => {
    latest.current = props as Props;
    // onError is the component's own: box events only go to the box.
    events.update({ ...props, onError: undefined });
    // A parent's re-render with the same values hands the core nothing to compare (nor a syncConversation to call).
    const previous = given.current;
    const names = Object.keys(options);
    if (names.length !== Object.keys(previous).length || names.some((name) => options[name] !== previous[name])) {
      given.current = options;
      controller.setOptions(options);
    }
  });
  useEffect(() => () => events.dispose(), [events]);
  useEffect(() => {
    const follow = (state: UIBoxState<Kind>, previous: UIBoxState<Kind>) => {
      const { [refName]: ref, onError } = latest.current;
      if (ref) (ref as UIBoxRef<Kind>).current = state.box;
      if (state.error && state.error !== previous.error) onError?.(state.error);
    };
    follow(controller.getState(), controller.getState());
    const unsubscribe = controller.subscribe(follow);
    return () => {
      unsubscribe();
      const ref = latest.current[refName] as UIBoxRef<Kind> | undefined;
      if (ref) ref.current = undefined;
    };
  }, [controller, refName]);
  // The unmount destroys the box and releases the session; a StrictMode remount builds a new box.
  useEffect(() => controller.mount(element?.current ?? undefined), [controller, element]);

  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}
