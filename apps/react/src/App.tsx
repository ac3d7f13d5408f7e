import { useState } from "react";
import { logout, type DemoConfig, type DemoUser } from "@x/example-shared";
import { DemoHeader } from "./DemoHeader";
import { LoginScreen } from "./LoginScreen";
import { SessionScreen } from "./SessionScreen";

type Screen = { name: "login" } | { name: "session"; user: DemoUser } | { name: "logging-out" };

interface AppProps {
  config: DemoConfig;
  /** Who the demo server says is logged in at startup (`me()`), or `null`. */
  initialUser: DemoUser | null;
}

export function App({ config, initialUser }: AppProps) {
  const [screen, setScreen] = useState<Screen>(
    initialUser === null ? { name: "login" } : { name: "session", user: initialUser },
  );
  const showSession = (user: DemoUser) => setScreen({ name: "session", user });

  async function logOut() {
    setScreen({ name: "logging-out" }); // Unmounting <Session> destroys its Talk.Session before the cookie goes.
    try {
      await logout();
    } finally {
      setScreen({ name: "login" });
    }
  }

  return (
    <>
      <DemoHeader config={config} />
      <main className="demo-main">
        {screen.name === "login" && <LoginScreen onLogin={showSession} />}
        {screen.name === "session" && (
          <SessionScreen
            appId={config.appId}
            user={screen.user}
            onSwitchUser={showSession}
            onLogout={() => void logOut()}
          />
        )}
        {screen.name === "logging-out" && <p className="demo-hint">Logging out…</p>}
      </main>
    </>
  );
}
