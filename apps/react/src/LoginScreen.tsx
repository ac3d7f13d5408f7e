import { useState } from "react";
import { demoUsers, describeFailure, login, type DemoUser } from "@x/example-shared";

export function LoginScreen({ onLogin }: { onLogin: (user: DemoUser) => void }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState("");

  async function logIn(userId: string) {
    setPending(true);
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
      {failure !== "" && (
        <p className="demo-notice" data-testid="login-failure">
          {failure}
        </p>
      )}
    </section>
  );
}
