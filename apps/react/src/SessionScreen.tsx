import { useEffect, useMemo, useState } from "react";
import {
  describeFailure,
  errorAdvice,
  login,
  onLoginElsewhere,
  tokenFetcherFor,
  type DemoUser,
} from "@x/example-shared";
import { Session, type SessionError } from "@x/session-react";
import type { CoreModule } from "@x/session-react/data";
import type Talk from "talkjs";
import { CustomChat } from "./custom/CustomChat";
import { ErrorPanel } from "./ErrorPanel";
import { ChatInbox } from "./ChatInbox";
import { ChatWindow } from "./ChatWindow";
import { MessageFeed } from "./MessageFeed";
import { SessionToolbar } from "./SessionToolbar";
import { TokenInfo } from "./TokenInfo";

const FEED_LIMIT = 20;

interface SessionScreenProps {
  appId: string;
  user: DemoUser;
  /** The custom UI's `@talkjs/core` (offline: the demo's fake; `undefined`: the real one). */
  dataCore?: () => Promise<CoreModule>;
  /** Shown in the notice when the screen mounts, e.g. after a failed logout. */
  initialNotice?: string;
  /** Called once the demo server switched its login to `user`, here or in another tab. */
  onSwitchUser: (user: DemoUser) => void;
  /** Another tab logged out (the tabs share the cookie); `notice` says so. */
  onLoggedOutElsewhere: (notice: string) => void;
  onLogout: () => void;
}

export function SessionScreen({
  appId,
  user,
  dataCore,
  initialNotice = "",
  onSwitchUser,
  onLoggedOutElsewhere,
  onLogout,
}: SessionScreenProps) {
  const [messages, setMessages] = useState<readonly Talk.Message[]>([]);
  const [notificationsEnabled, setNotificationsEnabled] = useState(false);
  const [notice, setNotice] = useState(initialNotice);
  const [switching, setSwitching] = useState(false);
  const tokenFetcher = useMemo(() => tokenFetcherFor(user.id), [user.id]);
  const [view, setView] = useState<"classic" | "custom">(location.hash === "#custom" ? "custom" : "classic");
  const [customOpened, setCustomOpened] = useState(view === "custom"); // its data session starts on first open

  // Another tab switched user or logged out: this tab follows, as it would after its own switch or logout.
  useEffect(
    () =>
      onLoginElsewhere(({ user: next, notice: elsewhere }) => {
        if (next === null) {
          onLoggedOutElsewhere(elsewhere); // Unmounting <Session> destroys the Talk.Session.
          return;
        }
        setMessages([]);
        setNotice(elsewhere);
        onSwitchUser(next);
      }),
    [onSwitchUser, onLoggedOutElsewhere],
  );

  async function switchUser(userId: string) {
    setSwitching(true);
    setNotice("");
    try {
      const next = await login(userId); // First the cookie, so the token endpoint signs for the new user.
      setMessages([]);
      onSwitchUser(next); // A new userId: <Session> destroys the old Talk.Session, then creates the new one.
    } catch (error) {
      setNotice(describeFailure("switch user", error)); // The cookie and the session still belong to the old user.
    } finally {
      setSwitching(false);
    }
  }

  function showNonFatalError(error: SessionError) {
    // Fatal errors show in <ErrorPanel> from the session state; these two leave the session ready.
    if (error.code === "desktop-notifications-failed") setNotificationsEnabled(false);
    if (error.code === "desktop-notifications-failed" || error.code === "handler-failed") setNotice(errorAdvice(error));
  }

  return (
    <Session
      appId={appId}
      userId={user.id}
      tokenFetcher={tokenFetcher}
      desktopNotificationsEnabled={notificationsEnabled}
      onMessage={(message) => setMessages((previous) => [message, ...previous].slice(0, FEED_LIMIT))}
      onError={showNonFatalError}
    >
      <section className="demo-session" data-testid="session">
        <SessionToolbar
          user={user}
          notificationsEnabled={notificationsEnabled}
          busy={switching}
          onNotificationsChange={(enabled) => {
            setNotice("");
            setNotificationsEnabled(enabled); // Applied to the live session, without a new one.
          }}
          onSwitchUser={(userId) => void switchUser(userId)}
          onLogout={onLogout}
        />
        <ErrorPanel />
        {notice !== "" && (
          <p className="demo-notice" data-testid="notice">
            {notice}
          </p>
        )}
        <div className="demo-tabs" role="tablist" aria-label="Views">
          {(["classic", "custom"] as const).map((name) => (
            <button
              key={name}
              className="demo-button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={view === name}
              aria-controls={`${name}-ui`}
              data-testid={`tab-${name}`}
              onClick={() => {
                setView(name);
                if (name === "custom") setCustomOpened(true);
              }}
            >
              {name === "classic" ? "Classic UI" : "Custom UI"}
            </button>
          ))}
        </div>
        <div
          className="demo-grid"
          id="classic-ui"
          role="tabpanel"
          aria-labelledby="tab-classic"
          hidden={view !== "classic"}
        >
          <section className="demo-card">
            <h2>Live feed</h2>
            <MessageFeed messages={messages} />
          </section>
          <ChatInbox />
          <ChatWindow user={user} />
        </div>
        <section
          className="demo-card"
          id="custom-ui"
          role="tabpanel"
          aria-labelledby="tab-custom"
          data-testid="custom-ui"
          hidden={view !== "custom"}
        >
          <h2>
            Custom UI{" "}
            <span className="demo-hint">
              · drawn from <code>@x/session-react/data</code> hooks
            </span>
          </h2>
          {customOpened && <CustomChat appId={appId} user={user} core={dataCore} />}
        </section>
        <TokenInfo />
      </section>
    </Session>
  );
}
