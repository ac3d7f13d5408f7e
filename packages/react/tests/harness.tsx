import type Talk from "talkjs";
import type { FakeTalk } from "@x/session-testing";
import type { TalkModule } from "@x/session-core";
import { useSessionState } from "../src";

/** Renders the nearest session's state as text: `ready:pete`, `loading`, `error:token-fetch-failed`. */
export function StateProbe() {
  const { status, session, error } = useSessionState();
  const detail = status === "ready" ? `:${session?.me.id}` : status === "error" ? `:${error?.code}` : "";
  return <p data-testid="state">{`${status}${detail}`}</p>;
}

/** Wraps a fake so tests can check that no two sessions were ever alive at once. */
export function watchLiveSessions(fake: FakeTalk): { talk: TalkModule; peakLive: () => number } {
  let peak = 0;
  const Session = class extends fake.Session {
    constructor(options: Talk.SessionOptions) {
      super(options);
      peak = Math.max(peak, fake.liveSessions().length);
    }
  };
  return {
    talk: {
      get ready() {
        return fake.ready;
      },
      Session,
      User: fake.User,
    },
    peakLive: () => peak,
  };
}

/** Silences the logs of a render error a test expects (React 18 also re-dispatches it on window). */
export function silenceExpectedRenderErrors(): void {
  vi.spyOn(console, "error").mockImplementation(() => {});
  const cancel = (event: ErrorEvent) => event.preventDefault();
  window.addEventListener("error", cancel);
  onTestFinished(() => window.removeEventListener("error", cancel));
}
