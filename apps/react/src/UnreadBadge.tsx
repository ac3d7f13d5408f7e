import { unreadMessageCount } from "@x/example-shared";
import { useSessionState, useUnreads } from "@x/session-react";

export function UnreadBadge() {
  const count = unreadMessageCount(useUnreads());
  const { status } = useSessionState();
  return (
    // In error there is no session and no count to show.
    <span className="demo-unreads" data-testid="unreads" hidden={status === "error"}>
      Unread{" "}
      <span className="demo-badge" data-testid="unread-badge" data-count={count}>
        {count}
      </span>
    </span>
  );
}
