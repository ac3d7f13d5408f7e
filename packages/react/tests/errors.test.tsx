import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createFakeTalk } from "@x/session-testing";
import { Session, useSessionController, type SessionError, type SessionProps } from "../src";
import { silenceExpectedRenderErrors, StateProbe } from "./harness";

function RetryButton() {
  const controller = useSessionController();
  return <button onClick={controller.retry}>retry</button>;
}

describe("<Session> with invalid props", () => {
  beforeEach(silenceExpectedRenderErrors);

  it.each([
    ["appId", { appId: "", userId: "pete" }, /<Session> needs "appId"/],
    [
      "userId and syncUser",
      { appId: "test-app", userId: "pete", syncUser: () => ({}) },
      /<Session> needs exactly one of "userId" or "syncUser"; got both/,
    ],
    [
      "neither userId nor syncUser",
      { appId: "test-app" },
      /<Session> needs exactly one of "userId" or "syncUser"; got neither/,
    ],
    [
      "tokenFetcher",
      { appId: "test-app", userId: "pete", tokenFetcher: "not a function" },
      /<Session> needs "tokenFetcher"/,
    ],
    ["loadTimeoutMs", { appId: "test-app", userId: "pete", loadTimeoutMs: -1 }, /<Session> needs "loadTimeoutMs"/],
  ])("throws a TypeError naming %s", (_, props, message) => {
    expect(() => render(<Session {...(props as unknown as SessionProps)} />)).toThrow(message);
  });
});

describe("<Session> with runtime faults", () => {
  it.each([
    [
      "a failing tokenFetcher",
      "token-fetch-failed",
      () => ({
        talk: createFakeTalk(),
        tokenFetcher: () => Promise.reject(new Error("backend down")),
        retry: false as const,
      }),
    ],
    [
      "a throwing Session constructor",
      "session-create-failed",
      () => {
        const talk = createFakeTalk();
        talk.failSessions(new Error("TalkJS says no"));
        return { talk };
      },
    ],
    [
      "an SDK that never loads",
      "sdk-load-timeout",
      () => ({ talk: createFakeTalk({ ready: "never" }), loadTimeoutMs: 20 }),
    ],
  ])("reports %s through onError and the state while children keep rendering", async (_, code, makeProps) => {
    const onError = vi.fn();
    render(
      <Session appId="test-app" userId="pete" {...makeProps()} onError={onError}>
        <StateProbe />
        <main>app</main>
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe(`error:${code}`));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }));
    expect(screen.getByText("app")).toBeTruthy();
  });

  it("recovers with the controller's retry() once the fault is gone", async () => {
    const talk = createFakeTalk();
    talk.failSessions(new Error("TalkJS says no"));
    render(
      <Session appId="test-app" userId="pete" talk={talk}>
        <StateProbe />
        <RetryButton />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("error:session-create-failed"));

    talk.failSessions(false);
    fireEvent.click(screen.getByText("retry"));
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
  });

  it("reports denied notification permission through onError while the session stays ready", async () => {
    const talk = createFakeTalk({ notificationPermission: "denied" });
    const errors: SessionError[] = [];
    render(
      <Session
        appId="test-app"
        userId="pete"
        talk={talk}
        desktopNotificationsEnabled
        onError={(error) => void errors.push(error)}
      >
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(errors.map((error) => error.code)).toEqual(["desktop-notifications-failed"]));
    await act(() => Promise.resolve());
    // Non-fatal by contract: the error event fires, the state keeps the working session.
    expect(screen.getByTestId("state").textContent).toBe("ready:pete");
  });
});
