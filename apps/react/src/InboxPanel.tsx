import { useState } from "react";
import { Inbox } from "@x/session-react";

/** The TalkJS Inbox: <Inbox> creates and mounts it once the session is ready and moves it to the next one on a user switch. */
export function InboxPanel() {
  const [failure, setFailure] = useState("");
  return (
    <div className="demo-inbox" data-testid="inbox">
      {failure !== "" && <p className="demo-hint">{failure}</p>}
      <Inbox
        className="demo-inbox"
        loadingComponent={<p className="demo-hint">The Inbox appears when the session is ready.</p>}
        onError={(error) => setFailure(`The Inbox could not be shown: ${error.message}`)}
      />
    </div>
  );
}
