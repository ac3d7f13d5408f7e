import { formatTime, senderName } from "@x/example-shared";
import type Talk from "talkjs";

/** The `message` events of the session, newest first. */
export function MessageFeed({ messages }: { messages: readonly Talk.Message[] }) {
  if (messages.length === 0) {
    return (
      <p className="demo-hint" data-testid="feed-empty">
        Incoming messages (the <code>message</code> event) appear here.
      </p>
    );
  }
  return (
    <ul className="demo-feed" data-testid="message-feed">
      {messages.map((message) => (
        <li key={message.id} data-testid="feed-item">
          <small>
            {senderName(message)} · {formatTime(message.timestamp)}
          </small>
          {message.body}
        </li>
      ))}
    </ul>
  );
}
