import type { ReactNode } from "react";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { createFakeTalk, fakeUnreadConversation } from "@x/session-testing";
import { Session, useSession, useSessionController, useSessionState, useUnreads } from "../src";
import { silenceExpectedRenderErrors } from "./harness";

describe("the hooks", () => {
  it.each([
    ["useSession", useSession],
    ["useUnreads", useUnreads],
    ["useSessionState", useSessionState],
    ["useSessionController", useSessionController],
  ])("%s() throws a clear error outside a <Session>", (name, hook) => {
    silenceExpectedRenderErrors();
    expect(() => renderHook(() => hook())).toThrow(`${name}() must be used inside <Session>.`);
  });

  it("give the live session, the unreads and the state inside a <Session>", async () => {
    const talk = createFakeTalk();
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <Session appId="test-app" userId="pete" talk={talk}>
        {children}
      </Session>
    );
    const { result } = renderHook(() => ({ session: useSession(), unreads: useUnreads(), state: useSessionState() }), {
      wrapper,
    });
    expect(result.current.state.status).toBe("loading");
    expect(result.current.session).toBeUndefined();

    await waitFor(() => expect(result.current.session).toBe(talk.liveSessions()[0]));
    act(() => talk.setUnreads([fakeUnreadConversation({ conversation: { id: "order-42" } })]));
    expect(result.current.unreads?.map((unread) => unread.conversation.id)).toEqual(["order-42"]);
    expect(result.current.state.status).toBe("ready");
  });

  it("useSession() does not re-render its component when only the unreads change", async () => {
    const talk = createFakeTalk();
    let renders = 0;
    function SessionUser() {
      renders++;
      return <p>{useSession() ? "live" : "none"}</p>;
    }
    render(
      <Session appId="test-app" userId="pete" talk={talk}>
        <SessionUser />
      </Session>,
    );
    await waitFor(() => expect(screen.getByText("live")).toBeTruthy());
    const before = renders;

    act(() => talk.setUnreads(3));
    expect(renders).toBe(before);
  });
});
