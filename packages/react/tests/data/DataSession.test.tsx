import { StrictMode } from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import {
  createDataSession,
  DataSession,
  useDataSessionController,
  type DataSessionController,
  type SessionError,
} from "../../src/data";
import { silenceExpectedRenderErrors } from "../harness";
import { DataStateProbe, seededCore, tick } from "./dataHarness";

const state = () => screen.getByTestId("data-state").textContent;

describe("<DataSession>", () => {
  it("has a live TalkJS session for the user while mounted, and destroys its controller after unmount", async () => {
    const core = seededCore();
    let controller: DataSessionController | undefined;
    function Grab() {
      controller = useDataSessionController();
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
    expect(controller?.getState().status).toBe("destroyed");
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

  it("throws a TypeError naming the option during render when a prop is wrong", () => {
    silenceExpectedRenderErrors();
    expect(() => render(<DataSession appId="test-app" userId="" core={seededCore()} />)).toThrow(/userId/);
  });
});
