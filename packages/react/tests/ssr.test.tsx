// @vitest-environment node
import { renderToString } from "react-dom/server";
import { createFakeTalk } from "@x/session-testing";
import { Session, useSession, useSessionState, useUnreads } from "../src";

function Status() {
  const { status } = useSessionState();
  const session = useSession();
  const unreads = useUnreads();
  return <p>{`${status} ${session ? "live" : "none"} ${unreads?.length ?? "no unreads"}`}</p>;
}

describe("<Session> in server rendering", () => {
  it("renders its children and touches no SDK", () => {
    const talk = createFakeTalk();
    const loadTalk = vi.fn(async () => talk);
    const html = renderToString(
      <Session appId="test-app" userId="pete" talk={loadTalk} tokenFetcher={() => "token"}>
        <main>app</main>
        <Status />
      </Session>,
    );
    expect(typeof window).toBe("undefined");
    expect(html).toContain("<main>app</main>");
    expect(html).toContain("idle none no unreads");
    expect(loadTalk).not.toHaveBeenCalled();
    expect(talk.sessions).toHaveLength(0);
  });

  it("renders with the default SDK import and no window", () => {
    expect(
      renderToString(
        <Session appId="test-app" userId="pete">
          app
        </Session>,
      ),
    ).toBe("app");
  });
});
