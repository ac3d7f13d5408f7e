import { act, render, screen, waitFor } from "@testing-library/react";
import { createFakeTalk } from "@x/session-testing";
import { createTalkSession, Session, type SessionController, type SessionProps } from "../src";
import { silenceExpectedRenderErrors, StateProbe } from "./harness";

const tick = (ms = 5) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

function Route({ name, controller }: { name: string; controller: SessionController }) {
  return (
    <Session controller={controller}>
      <h1>{name}</h1>
      <StateProbe />
    </Session>
  );
}

describe("<Session controller>", () => {
  it("keeps one session across route changes", async () => {
    const talk = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    const view = render(<Route name="inbox" controller={controller} />);
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));

    view.rerender(<Route key="settings" name="settings" controller={controller} />);
    await tick();

    expect(screen.getByText("settings")).toBeTruthy();
    expect(screen.getByTestId("state").textContent).toBe("ready:pete");
    expect(talk.sessions).toHaveLength(1);
    expect(talk.sessions[0]!.isAlive).toBe(true);
  });

  it("releases but never destroys a controller it was given", async () => {
    const talk = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    const view = render(<Route name="inbox" controller={controller} />);
    await waitFor(() => expect(controller.getState().status).toBe("ready"));

    view.unmount();
    await tick();

    expect(talk.liveSessions()).toHaveLength(0);
    expect(controller.getState().status).toBe("idle");
    render(<Route name="inbox again" controller={controller} />);
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
  });

  it("keeps the given controller's options when no option prop is given", async () => {
    const talk = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    render(
      <Session controller={controller}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
  });

  it("replaces the given controller's options with the option props, and follows their changes", async () => {
    const talk = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    const view = render(
      <Session controller={controller} appId="test-app" userId="maria" talk={talk}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:maria"));
    view.rerender(
      <Session controller={controller} appId="test-app" userId="anna" talk={talk}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:anna"));
    expect(talk.sessions.map((session) => session.me.id)).toEqual(["maria", "anna"]);
    expect(talk.peakLiveSessions()).toBe(1);
  });

  it("throws a TypeError naming <Session>, the controller and the missing prop for incomplete option props", () => {
    silenceExpectedRenderErrors();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: createFakeTalk() });
    const incomplete = { controller, userId: "maria" } as unknown as SessionProps;
    expect(() => render(<Session {...incomplete} />)).toThrow(
      /^<Session> \(given "controller", the option props replace all of its options\) needs "appId"/,
    );
    expect(controller.getState().status).toBe("idle");
  });

  it("applies option props to the given controller", async () => {
    const talk = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    render(
      <Session controller={controller} appId="test-app" userId="maria" talk={talk}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:maria"));
    expect(talk.liveSessions().map((session) => session.me.id)).toEqual(["maria"]);
  });

  it("forwards event props from a <Session> that shares a controller", async () => {
    const talk = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    const onMessage = vi.fn();
    render(<Session controller={controller} onMessage={onMessage} />);
    await waitFor(() => expect(controller.getState().status).toBe("ready"));

    act(() => void talk.emitMessage({ body: "hi" }));
    expect(onMessage).toHaveBeenCalledWith(expect.objectContaining({ body: "hi" }));
  });
});
