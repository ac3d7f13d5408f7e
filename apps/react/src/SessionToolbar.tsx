import { demoUsers, type DemoUser } from "@x/example-shared";
import { useSessionState } from "@x/session-react";
import { ConnectionStatus } from "./ConnectionStatus";
import { UnreadBadge } from "./UnreadBadge";

interface SessionToolbarProps {
  user: DemoUser;
  notificationsEnabled: boolean;
  /** Disables the switch and logout buttons while a switch is pending. */
  busy: boolean;
  onNotificationsChange: (enabled: boolean) => void;
  onSwitchUser: (userId: string) => void;
  onLogout: () => void;
}

export function SessionToolbar({
  user,
  notificationsEnabled,
  busy,
  onNotificationsChange,
  onSwitchUser,
  onLogout,
}: SessionToolbarProps) {
  const otherUsers = demoUsers.filter((other) => other.id !== user.id);
  const { status } = useSessionState();
  return (
    <div className="demo-card demo-toolbar">
      <div className="demo-me" data-testid="current-user">
        <img src={user.photoUrl} alt="" />
        <div>
          {user.name}
          <small>{user.role}</small>
        </div>
      </div>
      <ConnectionStatus />
      <UnreadBadge />
      <label className="demo-toggle">
        <input
          type="checkbox"
          data-testid="notifications-toggle"
          checked={notificationsEnabled}
          disabled={status === "error"} // no session to turn them on for
          onChange={(event) => onNotificationsChange(event.target.checked)}
        />{" "}
        Desktop notifications
      </label>
      <div className="demo-actions">
        <span className="demo-actions-label">Switch to</span>
        {otherUsers.map((other) => (
          <button
            key={other.id}
            className="demo-button"
            data-testid={`switch-user-${other.id}`}
            disabled={busy}
            onClick={() => onSwitchUser(other.id)}
          >
            {other.name.split(" ")[0]}
          </button>
        ))}
        <button className="demo-button" data-testid="logout" disabled={busy} onClick={onLogout}>
          Log out
        </button>
      </div>
    </div>
  );
}
