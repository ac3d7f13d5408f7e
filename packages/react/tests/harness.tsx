import { useSessionState } from "../src";

/** Renders the nearest session's state as text: `ready:pete`, `loading`, `error:token-fetch-failed`. */
export function StateProbe() {
  const { status, session, error } = useSessionState();
  const detail = status === "ready" ? `:${session?.me.id}` : status === "error" ? `:${error?.code}` : "";
  return <p data-testid="state">{`${status}${detail}`}</p>;
}

/** Silences the logs of a render error a test expects (React 18 also re-dispatches it on window). */
export function silenceExpectedRenderErrors(): void {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const cancel = (event: ErrorEvent) => event.preventDefault();
  window.addEventListener("error", cancel);
  onTestFinished(() => window.removeEventListener("error", cancel));
}
