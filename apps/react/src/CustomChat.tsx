import { useEffect, useLayoutEffect, useMemo, useRef, useState, type SyntheticEvent } from "react";
import {
  chatPartnerIn,
  conversationIdBetween,
  demoUsers,
  followMessages,
  formatTime,
  tokenFetcherFor,
  typingText,
  type DemoUser,
} from "@x/example-shared";
import {
  DataSession,
  useConversations,
  useDataSession,
  useMessages,
  useOnline,
  useSend,
  useTyping,
  type CoreModule,
  type MessagesState,
  type PendingMessage,
} from "@x/session-react/data";

type Message = NonNullable<MessagesState["data"]>[number];

/** The custom UI, drawn from the data layer only (`@x/session-react/data`); mirrors apps/vanilla/src/customChat.ts. */
export function CustomChat({ appId, user, core }: { appId: string; user: DemoUser; core?: () => Promise<CoreModule> }) {
  const tokenFetcher = useMemo(() => tokenFetcherFor(user.id), [user.id]);
  return (
    <DataSession appId={appId} userId={user.id} tokenFetcher={tokenFetcher} core={core}>
      <CustomChatView key={user.id} me={user} />
    </DataSession>
  );
}

function CustomChatView({ me }: { me: DemoUser }) {
  const partner = demoUsers.find((other) => other.id !== me.id) ?? me;
  const [selected, setSelected] = useState(conversationIdBetween(me.id, partner.id));
  return (
    <div className="demo-custom-grid">
      <ConversationList me={me} selected={selected} onSelect={setSelected} />
      <Thread key={selected} me={me} conversationId={selected} />
    </div>
  );
}

function PresenceDot({ user }: { user: DemoUser }) {
  const online = useOnline(user.id).data?.isConnected === true;
  return (
    <span
      className="demo-presence"
      data-online={String(online)}
      data-testid={`presence-${user.id}`}
      role="img"
      aria-label={online ? "online" : "offline"}
    />
  );
}

function Avatar({ user }: { user: DemoUser | undefined }) {
  return (
    <span className="demo-avatar">
      <img src={user?.photoUrl} alt="" />
      {user && <PresenceDot user={user} />}
    </span>
  );
}

function ConversationList({
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
    if (selectedUnread > 0) void session?.conversation(selected).markAsRead();
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
              <Avatar user={partner} />
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

function MessageItem({ me, message }: { me: DemoUser; message: Message }) {
  return (
    <li className="demo-message" data-mine={message.sender?.id === me.id} data-status="sent" data-testid="message">
      <small>
        {message.sender?.name ?? "TalkJS"} · {formatTime(message.createdAt)}
      </small>
      {message.plaintext}
    </li>
  );
}

function PendingItem({ entry, resend, discard }: { entry: PendingMessage; resend: () => void; discard: () => void }) {
  const failed = entry.status === "failed";
  return (
    <li className="demo-message" data-mine="true" data-status={entry.status} data-testid="message">
      <small>{failed ? "You · not sent" : "You · sending…"}</small>
      {entry.text}
      {failed && (
        <div className="demo-message-failure" role="alert">
          Not sent.
          <button className="demo-button" type="button" data-testid="resend" onClick={resend}>
            Retry
          </button>
          <button className="demo-button" type="button" data-testid="discard" onClick={discard}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}

function Thread({ me, conversationId }: { me: DemoUser; conversationId: string }) {
  const partner = chatPartnerIn(conversationId, me.id);
  const online = useOnline(partner?.id).data?.isConnected === true;
  const messages = useMessages(conversationId);
  const typing = typingText(useTyping(conversationId).data);
  const send = useSend();
  const [draft, setDraft] = useState("");
  const [loadingOlder, setLoadingOlder] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const latest = useRef({ messages, loadingOlder }); // for the scroll listener, set after each render
  const scroll = useRef<ReturnType<typeof followMessages>>(undefined);

  const loadOlder = () => {
    const { messages: current, loadingOlder: busy } = latest.current;
    if (busy || current.loadedAll) return;
    setLoadingOlder(true);
    void current.loadMore().finally(() => setLoadingOlder(false));
  };
  useEffect(() => {
    if (list.current === null) return;
    scroll.current = followMessages(list.current, loadOlder);
    return () => scroll.current?.destroy();
  }, []);
  useLayoutEffect(() => {
    latest.current = { messages, loadingOlder };
    scroll.current?.update();
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (draft.trim() === "") return;
    void send(conversationId, draft.trim()); // shows at once as pending; never rejects (a failure is a `failed` entry)
    setDraft("");
  }

  return (
    <div className="demo-thread">
      <div className="demo-thread-header" data-testid="thread-header">
        <Avatar user={partner} />
        <div>
          {partner?.name ?? conversationId}
          <small>{online ? "Online" : "Offline"}</small>
        </div>
      </div>
      <ol className="demo-messages" role="log" aria-label="Messages" data-testid="message-list" ref={list}>
        <li className="demo-messages-top" data-testid="messages-top">
          {messages.data === undefined ? (
            messages.status === "error" ? (
              "Could not load the messages."
            ) : (
              "Loading messages…"
            )
          ) : messages.loadedAll ? (
            "This is the beginning of the conversation."
          ) : loadingOlder ? (
            "Loading older messages…"
          ) : (
            <button className="demo-button" type="button" data-testid="load-older" onClick={loadOlder}>
              Load older messages
            </button>
          )}
        </li>
        {/* TalkJS lists the newest first; a chat reads from the top down. */}
        {[...(messages.data ?? [])].reverse().map((message) => (
          <MessageItem key={message.id} me={me} message={message} />
        ))}
        {messages.pending.map((entry) => (
          <PendingItem
            key={entry.key}
            entry={entry}
            resend={() => void messages.resend(entry.key)}
            discard={() => messages.discard(entry.key)}
          />
        ))}
      </ol>
      <p className="demo-typing" aria-live="polite" data-testid="typing-indicator">
        {typing}
      </p>
      <form className="demo-composer" data-testid="composer" onSubmit={submit}>
        <label className="demo-visually-hidden" htmlFor="custom-composer">
          Message
        </label>
        <input
          id="custom-composer"
          autoComplete="off"
          placeholder="Write a message…"
          data-testid="composer-input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button className="demo-button demo-button-primary" type="submit" data-testid="composer-send">
          Send
        </button>
      </form>
    </div>
  );
}
