// Type-checked with skipLibCheck: false under bundler, node16 and node10 resolution, then built by Vite.
import { useEffect, useRef } from "react";
import {
  Session,
  SessionError,
  createTalkSession,
  useSession,
  useSessionController,
  useSessionState,
  useUnreads,
  type SessionErrorCode,
  type TalkModule,
} from "@x/session-react";

export function App({ talk }: { talk?: TalkModule }) {
  return (
    <Session
      appId="app"
      userId="pete"
      talk={talk}
      tokenFetcher={() => Promise.resolve("token")}
      onMessage={(message) => {
        const body: string = message.body;
        // @ts-expect-error `message` is a Talk.Message: this line only compiles if the handler parameter became `any`.
        const wrong: number = message.body;
        console.log(body, wrong);
      }}
      onError={(error) => {
        const code: SessionErrorCode = error.code;
        console.log(error instanceof SessionError, code);
      }}
    >
      <Status />
      <Inbox />
    </Session>
  );
}

function Status() {
  const { status, error } = useSessionState();
  const unreads = useUnreads();
  const controller = useSessionController();
  return (
    <p onClick={() => controller.retry()}>
      {status === "error" ? error?.message : `${status} ${unreads?.length ?? 0}`}
    </p>
  );
}

function Inbox() {
  const session = useSession();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!session || !element.current) return;
    const inbox = session.createInbox();
    inbox.mount(element.current);
    return () => inbox.destroy();
  }, [session]);
  return <div ref={element} />;
}

export const misuse = [
  // @ts-expect-error appId is a string
  <Session appId={42} userId="pete" key="number">
    <Status />
  </Session>,
  // @ts-expect-error exactly one of userId and syncUser
  <Session appId="app" key="neither">
    <Status />
  </Session>,
];

export const controller = createTalkSession({ appId: "app", userId: "pete" });
// @ts-expect-error not an event of Talk.Session
controller.on("notAnEvent", () => undefined);
