import { statusText } from "@x/example-shared";
import { useSessionState } from "@x/session-react";

export function ConnectionStatus() {
  const { status } = useSessionState();
  return (
    <span className="demo-status" data-testid="session-status" data-status={status}>
      {statusText(status)}
    </span>
  );
}
