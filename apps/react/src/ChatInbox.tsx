import { useState } from "react";
import { boxHint, errorAdvice } from "@x/example-shared";
import { Inbox, useSessionState } from "@x/session-react";

/** The Inbox card: <Inbox> runs the Inbox for the whole login; a user switch or a retry moves it to the new Talk.Session. */
export function ChatInbox() {
  const [mountError, setMountError] = useState("");
  const { status } = useSessionState();
  return (
    <section className="demo-card">
      <h2>Inbox</h2>
      {mountError !== "" && <p className="demo-notice">{mountError}</p>}
      <Inbox
        className="demo-inbox"
        data-testid="inbox"
        loadingComponent={
          <p className="demo-hint" data-testid="inbox-loading">
            {boxHint("Inbox", status)}
          </p>
        }
        onError={(error) => setMountError(errorAdvice(error))}
      />
    </section>
  );
}
