import { createElement, useEffect, useState, type ReactElement } from "react";
import { bindEventProps, pickSessionOptions } from "@x/session-core";
import {
  connectOwned,
  createDataSession,
  validateDataOptions,
  type DataSessionController,
  type DataSessionOptions,
} from "@x/session-core/data";
import { DataSessionContext } from "./DataSessionContext";
import type { DataSessionProps } from "./DataSessionProps";

// The data entry's own connectOwned: a CommonJS build of each core entry has its own copy of the owner bookkeeping.
const connectOwnedDataSession = connectOwned as unknown as (controller: DataSessionController) => () => void;

/**
 * A user's TalkJS Data API session (`@talkjs/core`) for the query hooks inside it: connects while mounted, ends the
 * TalkJS session only when `appId` or `userId` change, and never on a new inline prop.
 *
 * @example
 * <DataSession appId="APP_ID" userId="pete" tokenFetcher={fetchToken} onError={(error) => console.warn(error.code)}>
 *   <ConversationList />
 * </DataSession>
 * @throws TypeError during render when a prop is missing or wrong, naming the prop.
 */
export function DataSession(props: DataSessionProps): ReactElement {
  const sharedController = props.controller;
  // Every prop but `undefined` values, `onError`, `children` and `controller`.
  const options = pickSessionOptions(props) as unknown as DataSessionOptions;
  // A shared controller keeps its own options unless the props name some; then they replace all of them.
  const appliesOptions = !sharedController || Object.keys(options).length > 0;
  if (appliesOptions) {
    validateDataOptions(
      options,
      process.env.NODE_ENV !== "production" && sharedController
        ? `<DataSession> (given "controller", the option props replace all of its options)`
        : "<DataSession>",
    );
  }

  // The controller, whether this component created it, and the binding of `onError` to it.
  const own = (controller: DataSessionController, owned: boolean) =>
    [controller, owned, bindEventProps(controller)] as const;
  const [[controller, owned, events], setOwner] = useState(() =>
    own(sharedController ?? createDataSession(options), !sharedController),
  );
  if (process.env.NODE_ENV !== "production" && sharedController !== undefined && sharedController !== controller) {
    console.warn(
      `[talk-session] <DataSession> keeps the "controller" it first received; give <DataSession> a new "key" to switch controllers.`,
    );
  }

  // After every render: the latest `onError` (a new inline one never resubscribes) and options (the core ends the
  // TalkJS session only for a new app or user).
  useEffect(() => {
    events.update(props);
    if (appliesOptions) controller.setOptions(options);
  });
  useEffect(() => {
    // Released past the grace (an <Activity> hidden that long) destroyed it: start a new one from the latest options.
    if (owned && controller.getState().status === "destroyed") {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- rare (an <Activity> hidden past the grace): one re-render
      setOwner(own(createDataSession(options), owned));
      return;
    }
    // Owned: destroyed once the keep-alive grace passes after unmount, unless a StrictMode remount comes within it.
    // Shared: only released, its owner decides when it ends.
    const release = owned ? connectOwnedDataSession(controller) : controller.connect();
    return () => {
      events.dispose();
      release();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- new options alone reach the controller through setOptions
  }, [controller, owned]);

  // createElement, not JSX: one import statement less in an app's bundle. Children as a prop, as JSX passes them.
  return createElement(DataSessionContext.Provider, { value: controller, children: props.children });
}
