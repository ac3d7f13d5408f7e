import { createUIBox } from "./createUIBox";
import type { SessionController } from "../classic/types";
import type { InboxOptions, UIBoxController } from "./uiBoxTypes";

/**
 * Runs a TalkJS Inbox on `talk`, with the lifecycle of `createChatbox`; without a conversation it shows TalkJS's
 * default, and `feedFilter` changes are applied with `setFeedFilter`. Touches no DOM and no SDK until `mount()`.
 *
 * @example
 * const inbox = createInbox(talk, { feedFilter: { custom: { category: ["==", "support"] } } });
 * const unmount = inbox.mount(document.getElementById("inbox")!);
 * inbox.on("conversationSelected", (event) => console.log(event.conversation?.id));
 */
export const createInbox = (talk: SessionController, options?: InboxOptions): UIBoxController<"inbox"> =>
  createUIBox("inbox", talk, options);
