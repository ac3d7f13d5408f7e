import { errorAdvice } from "@x/example-shared";
import { useSessionController, useSessionState } from "@x/session-react";

export function ErrorPanel() {
  const { error } = useSessionState();
  const controller = useSessionController();
  if (error === undefined) return null;
  return (
    <div className="demo-error" role="alert" data-testid="error-panel">
      <p>
        <code data-testid="error-code">{error.code}</code> <span data-testid="error-advice">{errorAdvice(error)}</span>
      </p>
      <button className="demo-button demo-button-primary" data-testid="retry" onClick={controller.retry}>
        Retry
      </button>
    </div>
  );
}
