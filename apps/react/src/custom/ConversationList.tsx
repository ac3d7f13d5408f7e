import { useEffect } from "react";
import { chatPartnerIn, ignoreLostRead, type DemoUser } from "@x/example-shared";
import { useConversations, useDataSession } from "@x/session-react/data";
import { PresenceAvatar } from "./PresenceAvatar";

export function ConversationList({
  me,
  selected,
  onSelect,
}: {
  me: DemoUser;
  selected: string;
  onSelect: (id: string) => void;
}) {
  const conversations = useConversations().data ?? [];
  const session = useDataSession();
  const selectedUnread = conversations.find((conversation) => conversation.id === selected)?.unreadMessageCount ?? 0;
  // The open conversation counts as read, also when a message arrives in it.
  useEffect(() => {
    if (selectedUnread > 0) session?.conversation(selected).markAsRead().catch(ignoreLostRead);
  }, [session, selected, selectedUnread]);
  return (
    <ul className="demo-conversations" aria-label="Conversations" data-testid="conversation-list">
      {conversations.map((conversation) => {
        const partner = chatPartnerIn(conversation.id, me.id);
        const unread = conversation.unreadMessageCount;
        return (
          <li key={conversation.id}>
            <button
              className="demo-conversation"
              aria-current={conversation.id === selected}
              data-testid={`conversation-${conversation.id}`}
              onClick={() => onSelect(conversation.id)}
            >
              <PresenceAvatar user={partner} />
              <span className="demo-conversation-text">
                <strong>{partner?.name ?? conversation.id}</strong>
                <small>{conversation.lastMessage?.plaintext}</small>
              </span>
              <span
                className="demo-badge"
                data-count={unread}
                data-testid="conversation-unread"
                aria-label={`${unread} unread`}
              >
                {unread}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
