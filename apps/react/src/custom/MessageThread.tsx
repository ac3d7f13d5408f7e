import { useEffect, useLayoutEffect, useRef, useState, type SyntheticEvent } from "react";
import { chatPartnerIn, followMessages, formatTime, typingText, type DemoUser } from "@x/example-shared";
import {
  useMessages,
  useOnline,
  useSend,
  useTyping,
  type MessagesState,
  type PendingMessage,
} from "@x/session-react/data";
import { PresenceAvatar } from "./PresenceAvatar";

type Message = NonNullable<MessagesState["data"]>[number];

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

export function MessageThread({ me, conversationId }: { me: DemoUser; conversationId: string }) {
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
        <PresenceAvatar user={partner} />
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
