import { useState } from "react";
import {
  boxHint,
  conversationIdBetween,
  demoUsers,
  errorAdvice,
  supportContactFor,
  type DemoUser,
} from "@x/example-shared";
import { Chatbox, Popup, useSessionState } from "@x/session-react";

const firstName = (other: DemoUser) => other.name.split(" ")[0] ?? other.name;

/** The Chat card: a Chatbox with the chosen partner (a new pick is a select() on the same box) and a support Popup. */
export function ChatWindow({ user }: { user: DemoUser }) {
  const [chosenPartnerId, setChosenPartnerId] = useState<string>();
  const [popupShown, setPopupShown] = useState(false);
  const [mountError, setMountError] = useState("");
  const { status } = useSessionState();

  // Whom the current user can chat with; the chosen partner stays after a user switch unless that is the new user.
  const others = demoUsers.filter((other) => other.id !== user.id);
  const partner = others.find((other) => other.id === chosenPartnerId) ?? others[0] ?? user;
  const support = supportContactFor(user);

  return (
    <section className="demo-card">
      <h2>Chat</h2>
      <div className="demo-chat-controls">
        <span className="demo-actions-label">With</span>
        {others.map((other) => (
          <button
            key={other.id}
            className="demo-button"
            data-testid={`chat-with-${other.id}`}
            aria-pressed={other.id === partner.id}
            onClick={() => setChosenPartnerId(other.id)}
          >
            {firstName(other)}
          </button>
        ))}
        <button
          className="demo-button demo-popup-toggle"
          data-testid="popup-toggle"
          aria-pressed={popupShown}
          disabled={status === "error"} // no session to show a Popup for
          onClick={() => setPopupShown(!popupShown)}
        >
          {popupShown ? "Close the support Popup" : "Open the support Popup"}
        </button>
      </div>
      {mountError !== "" && <p className="demo-notice">{mountError}</p>}
      {/* A new conversationId is a select() on the same Chatbox: no new box. */}
      <Chatbox
        conversationId={conversationIdBetween(user.id, partner.id)}
        className="demo-inbox"
        data-testid="chatbox"
        loadingComponent={
          <p className="demo-hint" data-testid="chatbox-loading">
            {boxHint("Chatbox", status)}
          </p>
        }
        onError={(error) => setMountError(errorAdvice(error))}
      />
      {/* TalkJS places the Popup. `show` opens and closes it in place; its own launcher does too, so onOpen and
          onClose keep `popupShown` in step. */}
      <Popup
        conversationId={conversationIdBetween(user.id, support.id)}
        show={popupShown}
        onOpen={() => setPopupShown(true)}
        onClose={() => setPopupShown(false)}
        onError={(error) => setMountError(errorAdvice(error))}
      />
    </section>
  );
}
