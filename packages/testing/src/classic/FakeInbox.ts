import type Talk from "talkjs";
import { FakeUIBox, type FakeUIBoxSetup } from "./FakeUIBox.js";

/**
 * The fake `Talk.Inbox` returned by `session.createInbox()`: a conversation feed plus the selected conversation.
 * Like TalkJS it emits `conversationSelected` when it has mounted and after every `select()` once mounted.
 * @example
 * const inbox = session.createInbox({ feedFilter: { hasUnreadMessages: true } });
 * inbox.onConversationSelected(({ conversation }) => console.log(conversation?.id));
 * await inbox.mount(document.getElementById("inbox"));
 */
export class FakeInbox extends FakeUIBox<"inbox"> implements Talk.Inbox {
  #feedFilter: Talk.ConversationPredicate | undefined;

  /** @internal Created by `session.createInbox()`. */
  constructor(setup: FakeUIBoxSetup<"inbox">) {
    super(setup);
    this.#feedFilter = setup.options?.feedFilter;
  }

  /** Test-only: the filter of the latest `setFeedFilter` (or the `feedFilter` option). */
  get feedFilter(): Talk.ConversationPredicate | undefined {
    return this.#feedFilter;
  }

  mount(container: HTMLElement | null): Promise<void> {
    return this.startMount([container], () => this.elementOrThrow(container));
  }

  setFeedFilter(filter: Talk.ConversationPredicate): void {
    this.callMethod("setFeedFilter", [filter]);
    this.#feedFilter = filter;
  }

  onSelectConversation(handler: (event: Talk.SelectConversationEvent) => void): Talk.Subscription {
    return this.subscribe("onSelectConversation", "selectConversation", handler);
  }

  onConversationSelected(handler: (event: Talk.ConversationSelectedEvent) => void): Talk.Subscription {
    return this.subscribe("onConversationSelected", "conversationSelected", handler);
  }

  onDesktopNotificationToggled(handler: (event: Talk.DesktopNotificationToggledEvent) => void): Talk.Subscription {
    return this.subscribe("onDesktopNotificationToggled", "desktopNotificationToggled", handler);
  }

  protected override conversationShown(): void {
    this.emitFromSdk("conversationSelected");
  }
}
