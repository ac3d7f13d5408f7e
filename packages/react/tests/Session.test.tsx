import { StrictMode, useRef } from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import type Talk from "talkjs";
import { createFakeTalk, type FakeSession } from "@x/session-testing";
import { Session } from "../src";
import { StateProbe } from "./harness";

const tick = (ms = 5) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe("<Session>", () => {
  it("has a live session for the user while it is mounted and destroys it after unmount", async () => {
    const fake = createFakeTalk();
    const view = render(
      <Session appId="test-app" userId="pete" talk={fake}>
        <StateProbe />
      </Session>,
    );
    expect(screen.getByTestId("state").textContent).toBe("loading");
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    expect(fake.liveSessions()).toHaveLength(1);

    view.unmount();
    await tick();
    expect(fake.liveSessions()).toHaveLength(0);
  });

  it("constructs one Talk.Session in StrictMode and never has two alive", async () => {
    const fake = createFakeTalk();
    const talk = fake;
    render(
      <StrictMode>
        <Session appId="test-app" userId="pete" talk={talk}>
          <StateProbe />
        </Session>
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    await tick();
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);
    expect(fake.peakLiveSessions()).toBe(1);
  });

  it("calls each event prop once per event in StrictMode", async () => {
    const fake = createFakeTalk();
    const onMessage = vi.fn();
    render(
      <StrictMode>
        <Session appId="test-app" userId="pete" talk={fake} onMessage={onMessage}>
          <StateProbe />
        </Session>
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    act(() => void fake.emitMessage({ body: "hi" }));
    expect(onMessage).toHaveBeenCalledTimes(1);
  });

  it("hands the promise an event prop returns back to TalkJS", async () => {
    const fake = createFakeTalk();
    let allowPrompt = () => {};
    const permissionAsked = new Promise<void>((resolve) => (allowPrompt = resolve));
    render(
      <Session appId="test-app" userId="pete" talk={fake} onBrowserPermissionNeeded={() => permissionAsked}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    let prompted = false;
    const prompt = fake.requestBrowserPermission().then(() => (prompted = true));
    await tick();
    expect(prompted).toBe(false);

    allowPrompt();
    await act(() => prompt);
    expect(prompted).toBe(true);
  });

  it("never resubscribes or recreates over 100 re-renders with new inline function props", async () => {
    const fake = createFakeTalk();
    const received: string[] = [];
    const renderWith = (round: number) => (
      <Session
        appId="test-app"
        talk={fake}
        syncUser={() => new fake.User({ id: "pete", name: "Pete" })}
        tokenFetcher={() => `token-${round}`}
        onMessage={(message) => void received.push(`${round}:${message.body}`)}
        onUnreadsChange={() => {}}
        onDesktopNotificationClicked={() => {}}
      >
        <StateProbe />
      </Session>
    );
    const view = render(renderWith(0));
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    const subscriptions = fake.subscriptionCount();

    for (let round = 1; round <= 100; round++) view.rerender(renderWith(round));
    await tick();

    expect(fake.sessions).toHaveLength(1);
    expect(fake.subscriptionCount()).toBe(subscriptions);
    act(() => void fake.emitMessage({ body: "hi" }));
    expect(received).toEqual(["100:hi"]);
  });

  it.each([
    ["user", { userId: "maria" }, (session: FakeSession) => session.me.id === "maria"],
    ["app", { appId: "other-app" }, (session: FakeSession) => session.appId === "other-app"],
    // The deprecated option stays supported, so it must still re-create the session.
    [
      "signature",
      { signature: "new-signature" },
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      (session: FakeSession) => session.options.signature === "new-signature",
    ],
  ])("switches to one new session when the %s changes", async (_, change, isNewSession) => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const fake = createFakeTalk();
    const talk = fake;
    const props = { appId: "test-app", userId: "pete", signature: "old-signature", talk };
    const view = render(
      <Session {...props}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toMatch(/^ready/));
    const first = fake.sessions[0]!;

    view.rerender(
      <Session {...props} {...change}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(fake.liveSessions().some(isNewSession)).toBe(true));

    expect(first.isAlive).toBe(false);
    expect(fake.sessions).toHaveLength(2);
    expect(fake.liveSessions()).toHaveLength(1);
    expect(fake.peakLiveSessions()).toBe(1);
  });

  it("ends 20 rapid user switches with exactly one live session, for the last user", async () => {
    const fake = createFakeTalk();
    const talk = fake;
    const view = render(
      <Session appId="test-app" userId="user-0" talk={talk}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:user-0"));

    for (let user = 1; user <= 20; user++) {
      view.rerender(
        <Session appId="test-app" userId={`user-${user}`} talk={talk}>
          <StateProbe />
        </Session>,
      );
    }
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:user-20"));
    await tick();

    expect(fake.liveSessions().map((session) => session.me.id)).toEqual(["user-20"]);
    expect(fake.peakLiveSessions()).toBe(1);
  });

  it("creates nothing when unmounted while the SDK is still loading", async () => {
    const fake = createFakeTalk({ ready: "manual" });
    const view = render(
      <Session appId="test-app" userId="pete" talk={fake}>
        <StateProbe />
      </Session>,
    );
    expect(screen.getByTestId("state").textContent).toBe("loading");

    view.unmount();
    await tick();
    fake.resolveReady();
    await tick();

    expect(fake.sessions).toHaveLength(0);
  });

  it("points sessionRef at the live session and back to undefined once it is gone", async () => {
    const fake = createFakeTalk();
    let ref: { current: Talk.Session | undefined } = { current: undefined };
    function App({ userId }: { userId: string }) {
      ref = useRef<Talk.Session>(undefined);
      return <Session appId="test-app" userId={userId} talk={fake} sessionRef={ref} />;
    }
    const view = render(<App userId="pete" />);
    await waitFor(() => expect(ref.current?.me.id).toBe("pete"));
    expect(ref.current).toBe(fake.liveSessions()[0]);

    view.rerender(<App userId="maria" />);
    expect(ref.current).toBeUndefined();
    await waitFor(() => expect(ref.current?.me.id).toBe("maria"));

    view.unmount();
    expect(ref.current).toBeUndefined();
  });

  it("keeps rendering its children whatever the session's status", () => {
    const fake = createFakeTalk({ ready: "never" });
    render(
      <Session appId="test-app" userId="pete" talk={fake}>
        <main>app</main>
      </Session>,
    );
    expect(screen.getByText("app")).toBeTruthy();
  });
});
