import * as React from "react";
import { StrictMode, type ReactNode } from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import {
  createDataSession,
  DataSession,
  useDataSessionController,
  useMessages,
  type DataSessionController,
  type SessionError,
} from "../../src/data";
import { silenceExpectedRenderErrors } from "../harness";
import { DataStateProbe, seededCore, tick } from "./dataHarness";

const state = () => screen.getByTestId("data-state").textContent;

// <Activity> exists from React 19.2; the React 18 run skips the test that needs it.
const Activity = (React as { Activity?: React.ComponentType<{ mode: "hidden" | "visible"; children: ReactNode }> })
  .Activity;

function MessageCount() {
  const { data } = useMessages("c1");
  return <p data-testid="messages">{data?.length ?? "none"}</p>;
}

describe("<DataSession>", () => {
  it("has a live TalkJS session for the user while mounted, and destroys its controller after unmount", async () => {
    const core = seededCore();
    const controllers = new Set<DataSessionController>();
    function Grab() {
      controllers.add(useDataSessionController());
      return null;
    }
    const view = render(
      <DataSession appId="test-app" userId="pete" core={core}>
        <DataStateProbe />
        <Grab />
      </DataSession>,
    );
    await waitFor(() => expect(state()).toBe("ready:pete"));
    expect(core.liveSessions()).toHaveLength(1);

    view.unmount();
    await tick();
    expect(core.liveSessions()).toHaveLength(0);
    expect(core.sessions[0]!.phase).toBe("ended");
    // Its own controller is final once the grace passed: nothing can start a session on it again.
    expect([...controllers].map((controller) => controller.getState().status)).toEqual(["destroyed"]);
  });

  it("keeps one controller and creates one TalkJS session in StrictMode, never two alive", async () => {
    const core = seededCore();
    const controllers = new Set<DataSessionController>();
    function Grab() {
      controllers.add(useDataSessionController());
      return null;
    }
    render(
      <StrictMode>
        <DataSession appId="test-app" userId="pete" core={core}>
          <DataStateProbe />
          <Grab />
        </DataSession>
      </StrictMode>,
    );
    await waitFor(() => expect(state()).toBe("ready:pete"));
    await tick();
    expect(controllers.size).toBe(1);
    expect(core.sessions).toHaveLength(1);
    expect(core.liveSessions()).toHaveLength(1);
    expect(core.peakLiveSessions()).toBe(1);
  });

  it("never recreates over 100 re-renders with new inline functions and objects", async () => {
    const core = seededCore();
    const errors: string[] = [];
    const renderWith = (round: number) => (
      <DataSession
        appId="test-app"
        userId="pete"
        core={core}
        syncUser={{ name: "Pete" }}
        retry={{ attempts: 3 }}
        tokenFetcher={() => `token-${round}`}
        onError={(error) => void errors.push(`${round}:${error.code}`)}
      >
        <DataStateProbe />
      </DataSession>
    );
    const view = render(renderWith(0));
    await waitFor(() => expect(state()).toBe("ready:pete"));

    for (let round = 1; round <= 100; round++) view.rerender(renderWith(round));
    await tick();
    expect(core.sessions).toHaveLength(1);
    expect(state()).toBe("ready:pete");

    // The latest inline onError is the one called.
    act(() => core.terminate());
    await waitFor(() => expect(state()).toBe("error:session-terminated"));
    expect(errors).toEqual(["100:session-terminated"]);
  });

  it("switches to one new TalkJS session when the user changes and ends the old one", async () => {
    const core = seededCore();
    const view = render(
      <DataSession appId="test-app" userId="pete" core={core}>
        <DataStateProbe />
      </DataSession>,
    );
    await waitFor(() => expect(state()).toBe("ready:pete"));
    const first = core.sessions[0]!;

    view.rerender(
      <DataSession appId="test-app" userId="maria" core={core}>
        <DataStateProbe />
      </DataSession>,
    );
    await waitFor(() => expect(state()).toBe("ready:maria"));
    expect(first.isAlive).toBe(false);
    expect(core.sessions).toHaveLength(2);
    expect(core.liveSessions()).toHaveLength(1);
  });

  it("uses a shared controller without ending it on unmount", async () => {
    const core = seededCore();
    const controller = createDataSession({ appId: "test-app", userId: "pete", core });
    const view = render(
      <DataSession controller={controller}>
        <DataStateProbe />
      </DataSession>,
    );
    await waitFor(() => expect(state()).toBe("ready:pete"));

    view.unmount();
    await tick();
    expect(controller.getState().status).not.toBe("destroyed");
    controller.destroy();
    expect(core.liveSessions()).toHaveLength(0);
  });

  it("applies option props to a shared controller: a new user switches its session", async () => {
    const core = seededCore();
    const controller = createDataSession({ appId: "test-app", userId: "pete", core });
    const view = render(
      <DataSession controller={controller}>
        <DataStateProbe />
      </DataSession>,
    );
    await waitFor(() => expect(state()).toBe("ready:pete"));

    view.rerender(
      <DataSession controller={controller} appId="test-app" userId="maria" core={core}>
        <DataStateProbe />
      </DataSession>,
    );
    await waitFor(() => expect(state()).toBe("ready:maria"));
    act(() => controller.destroy());
  });

  it("reports errors through onError and recovers with the controller's retry", async () => {
    const core = seededCore();
    const onError = vi.fn<(error: SessionError) => void>();
    const controller = createDataSession({ appId: "test-app", userId: "pete", core });
    render(
      <DataSession controller={controller} onError={onError}>
        <DataStateProbe />
      </DataSession>,
    );
    await waitFor(() => expect(state()).toBe("ready:pete"));

    act(() => core.terminate());
    await waitFor(() => expect(state()).toBe("error:session-terminated"));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0].code).toBe("session-terminated");

    act(() => controller.retry());
    await waitFor(() => expect(state()).toBe("ready:pete"));
    expect(core.liveSessions()).toHaveLength(1);
    act(() => controller.destroy());
  });

  it("throws a TypeError naming <DataSession> and the option during render when a prop is wrong", async () => {
    silenceExpectedRenderErrors();
    const core = seededCore();
    // The message, not the object: React 18 marks an error thrown in render with a property of its own.
    expect(() => render(<DataSession appId="test-app" userId="" core={core} />)).toThrow(TypeError);
    expect(() => render(<DataSession appId="test-app" userId="" core={core} />)).toThrow(
      `<DataSession> needs "userId" to be a non-empty string, the id of the current user; got an empty string.`,
    );

    // On a later render too, before anything reaches the controller.
    const view = render(<DataSession appId="test-app" userId="pete" core={core} />);
    expect(() =>
      view.rerender(<DataSession appId="test-app" userId="pete" core={core} keepAliveMs={"soon" as never} />),
    ).toThrow(/<DataSession> needs "keepAliveMs" to be a number/);
  });

  it("ends nothing it never started when unmounted while @talkjs/core loads", async () => {
    const core = seededCore();
    let loaded = (_: typeof core) => {};
    const loading = new Promise<typeof core>((resolve) => (loaded = resolve));
    const view = render(
      <DataSession appId="test-app" userId="pete" core={() => loading}>
        <DataStateProbe />
        <MessageCount />
      </DataSession>,
    );
    expect(state()).toBe("loading");
    view.unmount();
    loaded(core);
    await tick(20);
    expect(core.sessions).toHaveLength(0);
    expect(core.subscriptionCount()).toBe(0);
  });

  it.skipIf(!Activity)("starts a new controller when an <Activity> is shown again after the grace", async () => {
    const core = seededCore();
    const controllers = new Set<DataSessionController>();
    function Grab() {
      controllers.add(useDataSessionController());
      return null;
    }
    const App = ({ mode }: { mode: "hidden" | "visible" }) => {
      const Boundary = Activity!;
      return (
        <Boundary mode={mode}>
          <DataSession appId="test-app" userId="pete" core={core}>
            <DataStateProbe />
            <MessageCount />
            <Grab />
          </DataSession>
        </Boundary>
      );
    };
    const view = render(<App mode="visible" />);
    await waitFor(() => expect(screen.getByTestId("messages").textContent).toBe("2"));

    view.rerender(<App mode="hidden" />);
    await tick(20);
    expect(core.liveSessions()).toHaveLength(0);
    expect(core.subscriptionCount()).toBe(0);
    expect([...controllers][0]!.getState().status).toBe("destroyed");

    view.rerender(<App mode="visible" />);
    await waitFor(() => expect(state()).toBe("ready:pete"));
    await waitFor(() => expect(screen.getByTestId("messages").textContent).toBe("2"));
    expect(controllers.size).toBe(2);
    expect(core.liveSessions()).toHaveLength(1);
    expect(core.subscriptionCount()).toBe(1);
  });
});
