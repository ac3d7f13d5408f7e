import { useCallback, useRef } from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type Talk from "talkjs";
import { createFakeTalk } from "@x/session-testing";
import { Session } from "../src";
import { StateProbe } from "./harness";

// The seed's examples, with the fake SDK passed as `talk`.
describe("the documented examples", () => {
  it("create a session with an existing user", async () => {
    const talk = createFakeTalk();
    render(
      <Session appId={"<APP_ID>"} userId="pete" talk={talk}>
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
  });

  it("create a session and sync a user", async () => {
    const talk = createFakeTalk();
    function App() {
      const syncUser = useCallback(
        () => new talk.User({ id: "pete", name: "Pete", photoUrl: "https://example.com/pete.jpg" }),
        [],
      );
      return (
        <Session appId={"<APP_ID>"} syncUser={syncUser} talk={talk}>
          <StateProbe />
        </Session>
      );
    }
    render(<App />);
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    expect(talk.liveSessions()[0]!.me.name).toBe("Pete");
  });

  it("reference a session through sessionRef", async () => {
    const talk = createFakeTalk();
    const inboxCounts: number[] = [];
    function App() {
      const session = useRef<Talk.Session>(undefined);
      const onSomeEvent = useCallback(async () => {
        if (session.current?.isAlive) inboxCounts.push(session.current.getInboxes().length);
      }, []);
      return (
        <Session appId={"<APP_ID>"} userId="pete" sessionRef={session} talk={talk}>
          <StateProbe />
          <button onClick={() => void onSomeEvent()}>some event</button>
        </Session>
      );
    }
    render(<App />);
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    talk.liveSessions()[0]!.createInbox();
    await act(async () => void fireEvent.click(screen.getByText("some event")));
    expect(inboxCounts).toEqual([1]);
  });

  it("respond to events: onMessage and onUnreadsChange", async () => {
    const talk = createFakeTalk();
    const log = vi.fn<(value: unknown) => void>();
    render(
      <Session
        appId={"<APP_ID>"}
        userId="pete"
        talk={talk}
        onMessage={(message) => log(message.body)}
        onUnreadsChange={(unreads) => log(unreads.length)}
      >
        <StateProbe />
      </Session>,
    );
    await waitFor(() => expect(screen.getByTestId("state").textContent).toBe("ready:pete"));
    act(() => void talk.emitMessage({ body: "Hello, Pete" }));
    act(() => talk.setUnreads(2));
    // TalkJS reports the unreads once when the session starts: 0 here.
    expect(log.mock.calls).toEqual([[0], ["Hello, Pete"], [2]]);
  });
});
