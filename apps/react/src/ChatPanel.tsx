import { useState } from "react";
import { conversationIdBetween, demoUsers, type DemoUser } from "@x/example-shared";
import { Chatbox, Popup } from "@x/session-react";

/**
 * A Chatbox for a conversation picked from a list (a new pick is a select() on the same box), and a support Popup
 * opened and closed with its `show` prop. Both boxes move to the new session on a user switch.
 */
export function ChatPanel({ user }: { user: DemoUser }) {
  const conversations = demoUsers
    .filter((other) => other.id !== user.id)
    .map((other) => ({ id: conversationIdBetween(user.id, other.id), with: other.name.split(" ")[0] }));
  const first = conversations[0]?.id ?? null;
  const [picked, setPicked] = useState(first);
  // After a user switch the pick stays when the new user is in that conversation, else their first one shows.
  const conversationId = conversations.some(({ id }) => id === picked) ? picked : first;
  const [popupOpen, setPopupOpen] = useState(false);
  const support = user.id === "bob" ? "alice" : "bob";

  return (
    <div className="demo-grid">
      <section className="demo-card">
        <h2>Conversations</h2>
        <p className="demo-hint">Pick one: the Chatbox selects it in place, without a new box.</p>
        <div className="demo-choices" data-testid="conversation-list">
          {conversations.map(({ id, with: name }) => (
            <button
              key={id}
              className="demo-button"
              data-testid={`conversation-${id}`}
              aria-pressed={id === conversationId}
              onClick={() => setPicked(id)}
            >
              {name}
            </button>
          ))}
        </div>
        <p className="demo-hint">The support popup opens and closes with its show prop, on one box.</p>
        <div className="demo-choices">
          <button
            className="demo-button"
            data-testid="popup-toggle"
            aria-pressed={popupOpen}
            onClick={() => setPopupOpen(!popupOpen)}
          >
            {popupOpen ? "Close" : "Open"} the support popup
          </button>
        </div>
      </section>
      <section className="demo-card">
        <h2>Chatbox</h2>
        <div className="demo-inbox" data-testid="chatbox">
          <Chatbox
            conversationId={conversationId}
            className="demo-inbox"
            loadingComponent={<p className="demo-hint">The Chatbox appears when the session is ready.</p>}
          />
        </div>
      </section>
      <Popup
        conversationId={conversationIdBetween(user.id, support)}
        show={popupOpen}
        onOpen={() => setPopupOpen(true)}
        onClose={() => setPopupOpen(false)}
      />
    </div>
  );
}
