import * as React from "react";
import { StrictMode, type ReactNode } from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import type Talk from "talkjs";
import { createFakeTalk, type FakeTalk } from "@x/session-testing";
import { Chatbox, createTalkSession, Inbox, Popup, Session, type SessionController, type SessionError } from "../src";
import { SessionContext } from "../src/SessionContext";

const tick = (ms = 5) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

// <Activity> exists from React 19.2; the React 18 run skips the tests that need it.
const Activity = (React as { Activity?: React.ComponentType<{ mode: "hidden" | "visible"; children: ReactNode }> })
  .Activity;

type BoxRef = { current: Talk.Chatbox | Talk.Inbox | Talk.Popup | undefined };
const newRef = (): BoxRef => ({ current: undefined });

/** Each box component with its ref prop, so one test runs for all three. */
const boxes = {
  Chatbox: (ref?: BoxRef) => <Chatbox conversationId="order-1" chatboxRef={ref as never} />,
  Inbox: (ref?: BoxRef) => <Inbox conversationId="order-1" inboxRef={ref as never} />,
  Popup: (ref?: BoxRef) => <Popup conversationId="order-1" popupRef={ref as never} />,
};

async function mountedBoxes(talk: FakeTalk, count: number) {
  await waitFor(() => expect(talk.liveBoxes().filter((box) => box.mounted)).toHaveLength(count));
}

describe.each(Object.entries(boxes))("<%s> follows its session and its ref", (_, box) => {
  it.skipIf(!Activity)("mounts again on the new session when an <Activity> is shown after the grace", async () => {
    const talk = createFakeTalk();
    // On reveal the box effect runs before <Session>'s recovery: one connect() on the destroyed controller warns.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const App = ({ mode }: { mode: "hidden" | "visible" }) => {
      const Boundary = Activity!;
      return (
        <Boundary mode={mode}>
          <Session appId="test-app" userId="pete" talk={talk} keepAliveMs={10}>
            {box()}
          </Session>
        </Boundary>
      );
    };
    const view = render(<App mode="visible" />);
    await mountedBoxes(talk, 1);

    view.rerender(<App mode="hidden" />);
    await tick(30);
    expect(talk.liveSessions()).toHaveLength(0);
    expect(talk.liveBoxes()).toHaveLength(0);

    view.rerender(<App mode="visible" />);
    await mountedBoxes(talk, 1);
    expect(talk.liveSessions()).toHaveLength(1);
    expect(talk.liveBoxes()[0]!.session).toBe(talk.liveSessions()[0]);
    expect(talk.peakLiveBoxes()).toBe(1);
    warn.mockRestore();
  });

  it("builds a new box controller for a new controller in context, and lets go of the old one", async () => {
    const talk = createFakeTalk();
    const first = createTalkSession({ appId: "test-app", userId: "pete", talk, keepAliveMs: 10 });
    const second = createTalkSession({ appId: "test-app", userId: "sam", talk, keepAliveMs: 10 });
    const ref = newRef();
    // Memoised: only the context changes, as when <Session> recovers with a new controller.
    const Box = React.memo(function Box() {
      return box(ref);
    });
    const App = ({ controller }: { controller: SessionController }) => (
      <SessionContext.Provider value={controller}>
        <Box />
      </SessionContext.Provider>
    );
    const view = render(<App controller={first} />);
    await mountedBoxes(talk, 1);
    const [old] = talk.liveBoxes();

    view.rerender(<App controller={second} />);
    await mountedBoxes(talk, 1);
    expect(old!.isAlive).toBe(false);
    expect(talk.liveBoxes()[0]!.session.me.id).toBe("sam");
    expect(ref.current).toBe(talk.liveBoxes()[0]);
    // Nothing holds `first` any more: its session ends after the grace.
    await tick(30);
    expect(first.getState().status).toBe("idle");
    expect(talk.liveSessions().map((session) => session.me.id)).toEqual(["sam"]);
    expect(talk.peakLiveBoxes()).toBe(1);
    view.unmount();
    first.destroy();
    second.destroy();
  });

  it("fills a new ref object passed on a re-render at once, and empties the one no longer passed", async () => {
    const talk = createFakeTalk();
    const refs = [newRef(), newRef(), newRef()];
    const App = ({ which }: { which: number | undefined }) => (
      <Session appId="test-app" userId="pete" talk={talk}>
        {box(which === undefined ? undefined : refs[which])}
      </Session>
    );
    const view = render(<App which={0} />);
    await mountedBoxes(talk, 1);
    const live = talk.liveBoxes()[0];
    expect(refs[0]!.current).toBe(live);

    view.rerender(<App which={1} />);
    expect(refs[1]!.current).toBe(live);
    expect(refs[0]!.current).toBeUndefined();

    view.rerender(<App which={undefined} />);
    expect(refs[1]!.current).toBeUndefined();

    view.rerender(<App which={2} />);
    expect(refs[2]!.current).toBe(live);
    view.unmount();
    expect(refs[2]!.current).toBeUndefined();
    expect(talk.boxes).toHaveLength(1);
  });

  it("empties its ref when the box is destroyed with its session, and fills it again with the new box", async () => {
    const talk = createFakeTalk();
    const ref = newRef();
    const App = ({ userId }: { userId: string }) => (
      <Session appId="test-app" userId={userId} talk={talk}>
        {box(ref)}
      </Session>
    );
    talk.delayMounts(0);
    const view = render(<App userId="pete" />);
    await mountedBoxes(talk, 1);
    const first = talk.liveBoxes()[0];
    expect(ref.current).toBe(first);

    talk.delayMounts(Infinity);
    view.rerender(<App userId="sam" />);
    await waitFor(() => expect(first!.isAlive).toBe(false));
    expect(ref.current).not.toBe(first);
    await waitFor(() => expect(talk.liveBoxes()).toHaveLength(1));
    // The new box is live from its creation, mounted or not.
    expect(ref.current).toBe(talk.liveBoxes()[0]);
  });
});

describe("the loading content", () => {
  it("stops showing when the box fails to mount: an error is not a load in progress", async () => {
    const talk = createFakeTalk();
    talk.failNextMount(new Error("iframe blocked"));
    const errors: SessionError[] = [];
    const { container } = render(
      <Session appId="test-app" userId="pete" talk={talk}>
        <Chatbox
          conversationId="order-1"
          loadingComponent={<span>Loading chat…</span>}
          className="chat"
          onError={(error) => errors.push(error)}
        />
      </Session>,
    );
    expect(screen.getByText("Loading chat…")).toBeTruthy();
    await waitFor(() => expect(errors).toHaveLength(1));
    expect(screen.queryByText("Loading chat…")).toBeNull();
    expect(container.querySelectorAll<HTMLElement>(".chat")[0]!.style.display).toBe("none");
  });

  it("stops showing once the session controller under the box is destroyed: the box is in error", async () => {
    const talk = createFakeTalk();
    const controller = createTalkSession({ appId: "test-app", userId: "pete", talk });
    talk.delayMounts(Infinity);
    const errors: SessionError[] = [];
    render(
      <StrictMode>
        <Session controller={controller}>
          <Chatbox
            conversationId="order-1"
            loadingComponent={<span>Loading chat…</span>}
            onError={(error) => errors.push(error)}
          />
        </Session>
      </StrictMode>,
    );
    await waitFor(() => expect(talk.liveBoxes()).toHaveLength(1));
    expect(screen.getByText("Loading chat…")).toBeTruthy();

    act(() => controller.destroy());
    await waitFor(() => expect(screen.queryByText("Loading chat…")).toBeNull());
    expect(talk.liveBoxes()).toHaveLength(0);
    expect(errors.map((error) => error.code)).toEqual(["ui-failed"]);
  });
});
