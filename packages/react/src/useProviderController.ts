import { useEffect, useState } from "react";
import { bindEventProps, connectOwned, pickSessionOptions } from "@x/session-core";

/** What a provider component drives: the classic session controller or the data one. */
interface ProvidedController<Options> {
  getState: () => { status: string };
  setOptions: (options: Options) => void;
  connect: () => () => void;
  on: (name: never, handler: never) => () => void;
}

/**
 * Internal: the controller of a provider component (`<Session>`, `<DataSession>`). It validates the option props
 * (every prop but `undefined` values, `on*` handlers, `children`, `controller` and `sessionRef`) during render (naming
 * `component`), creates and owns a controller or uses the one given as the `controller` prop, hands it the latest
 * options and `on*` props after every render (the core recreates only what must be), and connects it while mounted:
 * an owned one with `connectOwned` (destroyed after the grace), a shared one only released. An owned controller
 * destroyed past the grace (an `<Activity>` hidden that long) is replaced from the latest options.
 */
export function useProviderController<Options, Controller extends ProvidedController<Options>>(
  component: string,
  props: { controller?: Controller },
  create: (options: Options) => Controller,
  validate: (options: Options, owner: string) => unknown,
): Controller {
  const options = pickSessionOptions(props) as Options;
  const shared = props.controller;
  // A shared controller keeps its own options unless the props name some; then they replace all of them.
  const appliesOptions = !shared || Object.keys(options as object).length > 0;
  if (appliesOptions)
    validate(
      options,
      process.env.NODE_ENV !== "production" && shared
        ? `${component} (given "controller", the option props replace all of its options)`
        : component,
    );

  // The controller, whether this component created it, and the binding of the `on*` props to it.
  const own = (controller: Controller, owned: boolean) => [controller, owned, bindEventProps(controller)] as const;
  const [[controller, owned, events], setOwner] = useState(() => own(shared ?? create(options), !shared));
  if (process.env.NODE_ENV !== "production" && shared !== undefined && shared !== controller)
    console.warn(
      `[talk-session] ${component} keeps the "controller" it first received; give ${component} a new "key" to switch controllers.`,
    );

  // After every render: the latest handlers (a new inline one never resubscribes) and options.
  useEffect(() => {
    events.update(props);
    if (appliesOptions) controller.setOptions(options);
  });
  useEffect(() => {
    // Released past the grace (an <Activity> hidden that long) destroyed it: the component starts a new one, from the
    // options of the latest render (React runs the latest effect when an <Activity> is shown again).
    if (owned && controller.getState().status === "destroyed") {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- rare (an <Activity> hidden past the grace): one re-render
      setOwner(own(create(options), owned));
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
  return controller;
}
