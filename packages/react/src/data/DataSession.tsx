import { createElement, type ReactElement } from "react";
import { createDataSession, validateDataOptions } from "@x/session-core/data";
import { DataSessionContext } from "./DataSessionContext";
import type { DataSessionProps } from "./DataSessionProps";
import { useProviderController } from "../useProviderController";

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
  const controller = useProviderController("<DataSession>", props, createDataSession, validateDataOptions);

  // createElement, not JSX: one import statement less in an app's bundle. Children as a prop, as JSX passes them.
  return createElement(DataSessionContext.Provider, { value: controller, children: props.children });
}
