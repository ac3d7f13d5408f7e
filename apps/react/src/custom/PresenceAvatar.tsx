import type { DemoUser } from "@x/example-shared";
import { useOnline } from "@x/session-react/data";

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

export function PresenceAvatar({ user }: { user: DemoUser | undefined }) {
  return (
    <span className="demo-avatar">
      <img src={user?.photoUrl} alt="" />
      {user && <PresenceDot user={user} />}
    </span>
  );
}
