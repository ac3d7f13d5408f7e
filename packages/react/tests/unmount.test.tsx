import * as React from "react";
import { StrictMode, type ReactNode } from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import { createFakeTalk } from "@x/session-testing";
import { createTalkSession, Session, useSessionController, type SessionController } from "../src";
import { StateProbe } from "./harness";

const tick = (ms = 5) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/** Hands the nearest controller to the test. */
function ControllerProbe({ onController }: { onController: (controller: SessionController) => void }) {
  onController(useSessionController());
  return null;
}

// <Activity> exists from React 19.2; the React 18 run skips the test that needs it.
const Activity = (React as { Activity?: React.ComponentType<{ mode: "hidden" | "visible"; children: ReactNode }> })
  .Activity;

describe("<Session> unmount", () => {
  it("destroys the controller it created once the keep-alive grace passes: a pending whenReady() rejects", async () => {
    const fake = createFakeTalk({ ready: "manual" });
    let controller: SessionController | undefined;
    const view = render(
      <Session appId="test-app" userId="pete" talk={fake}>
        <ControllerProbe onController={(given) => (controller = given)} />
      </Session>,
    );
    const ready = controller!.whenReady();
    const outcome = ready.then(
      () => "resolved",
      () => "rejected",
    );

    view.unmount();
    await tick();
    fake.resolveReady();
    await tick();

    expect(await outcome).toBe("rejected");
    expect(controller!.getState().status).toBe("destroyed");
    expect(fake.sessions).toHaveLength(0);
  });

  it("destroys a ready session and its controller after the grace, leaving no live session", async () => {
    const fake = createFakeTalk();
    let controller: SessionController | undefined;
    const view = render(
      <Session appId="test-app" userId="pete" talk={fake} keepAliveMs={20}>
        <ControllerProbe onController={(given) => (controller = given)} />
      </Session>,
    );
    await waitFor(() => expect(controller!.getState().status).toBe("ready"));

    view.unmount();
    await tick(1);
    expect(fake.liveSessions()).toHaveLength(1);
    await tick(40);
    expect(fake.liveSessions()).toHaveLength(0);
    expect(controller!.getState().status).toBe("destroyed");
    await expect(controller!.whenReady()).rejects.toThrow(/destroyed/);
  });

  it("keeps exactly one Talk.Session in StrictMode, still usable after the grace", async () => {
    const fake = createFakeTalk();
    const onMessage = vi.fn();
    let controller: SessionController | undefined;
    render(
      <StrictMode>
        <Session appId="test-app" userId="pete" talk={fake} onMessage={onMessage}>
          <StateProbe />
          <ControllerProbe onController={(given) => (controller = given)} />
        </Session>
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    await tick(20);

    expect(controller!.getState().status).toBe("ready");
    expect(fake.sessions).toHaveLength(1);
    expect(fake.liveSessions()).toHaveLength(1);
    await expect(controller!.whenReady()).resolves.toBe(fake.liveSessions()[0]);
    act(() => void fake.emitMessage({ body: "hi" }));
    expect(onMessage).toHaveBeenCalledTimes(1);
  });

  it("never destroys a controller passed in: after unmount and the grace it connects again", async () => {
    const fake = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk: fake });
    const view = render(<Session controller={controller} />);
    await waitFor(() => expect(controller.getState().status).toBe("ready"));

    view.unmount();
    await tick(20);
    expect(controller.getState().status).toBe("idle");
    const release = controller.connect();
    const session = await controller.whenReady();
    expect(fake.liveSessions()).toEqual([session]);
    release();
    controller.destroy();
  });

  it.skipIf(!Activity)("starts a new controller when an <Activity> is shown again after the grace", async () => {
    const fake = createFakeTalk();
    const onMessage = vi.fn();
    const controllers: SessionController[] = [];
    const App = ({ mode }: { mode: "hidden" | "visible" }) => {
      const Boundary = Activity!;
      return (
        <Boundary mode={mode}>
          <Session appId="test-app" userId="pete" talk={fake} onMessage={onMessage}>
            <StateProbe />
            <ControllerProbe onController={(given) => controllers.includes(given) || controllers.push(given)} />
          </Session>
        </Boundary>
      );
    };
    const view = render(<App mode="visible" />);
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));

    view.rerender(<App mode="hidden" />);
    await tick(20);
    expect(fake.liveSessions()).toHaveLength(0);
    expect(controllers[0]!.getState().status).toBe("destroyed");

    view.rerender(<App mode="visible" />);
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    expect(controllers).toHaveLength(2);
    expect(fake.liveSessions()).toHaveLength(1);
    act(() => void fake.emitMessage({ body: "back" }));
    expect(onMessage).toHaveBeenCalledTimes(1);
  });
});
