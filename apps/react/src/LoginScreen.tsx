import { useEffect, useState } from "react";
import { demoUsers, describeFailure, login, onLoginElsewhere, type DemoUser } from "@x/example-shared";

interface LoginScreenProps {
  /** Why this screen shows, e.g. "Signed out in another tab."; hidden once the user picks someone. */
  notice?: string;
  /** Called with the logged-in user, and a notice when the login happened in another tab. */
  onLogin: (user: DemoUser, notice?: string) => void;
}

export function LoginScreen({ notice = "", onLogin }: LoginScreenProps) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState("");
  const [picked, setPicked] = useState(false);

  // Another tab logged in (the tabs share the cookie): follow it.
  useEffect(
    () =>
      onLoginElsewhere(({ user, notice: elsewhere }) => {
        if (user !== null) onLogin(user, elsewhere);
      }),
    [onLogin],
  );

  async function logIn(userId: string) {
    setPending(true);
    setPicked(true);
    setFailure("");
    try {
      onLogin(await login(userId));
    } catch (error) {
      setFailure(describeFailure("log in", error));
      setPending(false);
    }
  }

  return (
    <section className="demo-card demo-login" data-testid="login">
      <h2>Pick a demo user</h2>
      <p className="demo-hint">You get a TalkJS session with a short-lived token from the demo server.</p>
      <div className="demo-users" data-testid="login-users">
        {demoUsers.map((user) => (
          <button
            key={user.id}
            className="demo-user"
            data-testid={`login-user-${user.id}`}
            disabled={pending}
            onClick={() => void logIn(user.id)}
          >
            <img src={user.photoUrl} alt="" />
            <strong>{user.name}</strong>
            <small>{user.role}</small>
          </button>
        ))}
      </div>
      {notice !== "" && !picked && (
        <p className="demo-notice" data-testid="login-notice">
          {notice}
        </p>
      )}
      {failure !== "" && (
        <p className="demo-notice" data-testid="login-failure">
          {failure}
        </p>
      )}
    </section>
  );
}
