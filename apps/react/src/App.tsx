import { useMemo, useState } from "react";
import { dataCoreFor, describeFailure, logout, type DemoConfig, type DemoUser } from "@x/example-shared";
import { DemoHeader } from "./DemoHeader";
import { LoginScreen } from "./LoginScreen";
import { SessionScreen } from "./SessionScreen";

// `notice`: a message for the screen to show first (a failed logout, a login change in another tab).
type Screen =
  { name: "login"; notice?: string } | { name: "session"; user: DemoUser; notice?: string } | { name: "logging-out" };

interface AppProps {
  config: DemoConfig;
  /** Who the demo server says is logged in at startup (`me()`), or `null`. */
  initialUser: DemoUser | null;
}

export function App({ config, initialUser }: AppProps) {
  const [screen, setScreen] = useState<Screen>(
    initialUser === null ? { name: "login" } : { name: "session", user: initialUser },
  );
  const dataCore = useMemo(() => dataCoreFor(config), [config]);
  const showSession = (user: DemoUser, notice?: string) => setScreen({ name: "session", user, notice });
  const showLogin = (notice?: string) => setScreen({ name: "login", notice });

  async function logOut(user: DemoUser) {
    setScreen({ name: "logging-out" }); // Unmounting <Session> destroys its Talk.Session before the cookie goes.
    try {
      await logout();
      setScreen({ name: "login" });
    } catch (error) {
      // The server still has the login: back to a session for the same user.
      setScreen({ name: "session", user, notice: describeFailure("log out", error) });
    }
  }

  return (
    <>
      <DemoHeader config={config} />
      <main className="demo-main">
        {screen.name === "login" && <LoginScreen notice={screen.notice} onLogin={showSession} />}
        {screen.name === "session" && (
          <SessionScreen
            appId={config.appId}
            user={screen.user}
            dataCore={dataCore}
            initialNotice={screen.notice}
            onSwitchUser={showSession}
            onLoggedOutElsewhere={showLogin}
            onLogout={() => void logOut(screen.user)}
          />
        )}
        {screen.name === "logging-out" && <p className="demo-hint">Logging out…</p>}
      </main>
    </>
  );
}
