import { useEffect, useRef, useState } from "react";
import { useSession } from "@x/session-react";

/** The TalkJS Inbox, mounted once per Talk.Session: a user switch or a retry brings a new session. */
export function Inbox() {
  const session = useSession();
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState("");

  useEffect(() => {
    if (session === undefined || container.current === null) return;
    let destroyed = false;
    const inbox = session.createInbox();
    setFailure("");
    inbox.mount(container.current).catch((error: unknown) => {
      if (!destroyed) setFailure(`The Inbox could not be shown: ${String(error)}`);
    });
    return () => {
      destroyed = true;
      inbox.destroy();
    };
  }, [session]);

  return (
    <div className="demo-inbox" data-testid="inbox">
      {session === undefined && <p className="demo-hint">The Inbox appears when the session is ready.</p>}
      {failure !== "" && <p className="demo-hint">{failure}</p>}
      {/* TalkJS owns this element's children, so React never renders into it; the class lets the Inbox fill the card. */}
      <div ref={container} className="demo-inbox" hidden={session === undefined} />
    </div>
  );
}
