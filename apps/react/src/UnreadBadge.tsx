import { unreadMessageCount } from "@x/example-shared";
import { useUnreads } from "@x/session-react";

export function UnreadBadge() {
  const count = unreadMessageCount(useUnreads());
  return (
    <span className="demo-unreads">
      Unread{" "}
      <span className="demo-badge" data-testid="unread-badge" data-count={count}>
        {count}
      </span>
    </span>
  );
}
