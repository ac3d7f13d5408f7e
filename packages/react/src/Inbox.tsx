import type { ReactElement } from "react";
import { createInbox } from "@x/session-core";
import type { InboxProps } from "./InboxProps";
import { useUIBox } from "./useUIBox";

/**
 * A TalkJS Inbox inside `<Session>`, a drop-in for `@talkjs/react`'s: one box for the component's life, options
 * with a setter (`feedFilter`, `messageFilter`, ...) and a new `conversationId` applied in place, a user switch
 * moves it to the new session in the same element.
 *
 * @example
 * <Inbox className="inbox" onConversationSelected={(event) => console.log(event.conversation?.id)} />
 * @throws Error during render outside a `<Session>`.
 */
export function Inbox(props: InboxProps): ReactElement {
  return useUIBox("<Inbox>", createInbox, props, "inboxRef");
}
