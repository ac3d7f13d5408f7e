import { senderName } from "@x/example-shared";
import type Talk from "talkjs";

const timeFormat: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: "2-digit" };

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
            {senderName(message)} · {new Date(message.timestamp).toLocaleTimeString([], timeFormat)}
          </small>
          {message.body}
        </li>
      ))}
    </ul>
  );
}
