import { useMemo, useState } from "react";
import { conversationIdBetween, demoUsers, errorAdvice, tokenFetcherFor, type DemoUser } from "@x/example-shared";
import { DataSession, useDataSessionController, useDataSessionState, type CoreModule } from "@x/session-react/data";
import { ConversationList } from "./ConversationList";
import { MessageThread } from "./MessageThread";

/** The custom UI, drawn from the data layer only (`@x/session-react/data`); mirrors apps/vanilla/src/customChat.ts. */
export function CustomChat({ appId, user, core }: { appId: string; user: DemoUser; core?: () => Promise<CoreModule> }) {
  const tokenFetcher = useMemo(() => tokenFetcherFor(user.id), [user.id]);
  return (
    <DataSession appId={appId} userId={user.id} tokenFetcher={tokenFetcher} core={core}>
      <CustomError />
      <CustomChatView key={user.id} me={user} />
    </DataSession>
  );
}

function CustomChatView({ me }: { me: DemoUser }) {
  const partner = demoUsers.find((other) => other.id !== me.id) ?? me;
  const [selected, setSelected] = useState(conversationIdBetween(me.id, partner.id));
  return (
    <div className="demo-custom-grid">
      <ConversationList me={me} selected={selected} onSelect={setSelected} />
      <MessageThread key={selected} me={me} conversationId={selected} />
    </div>
  );
}

/** TalkJS ended the session, or refused its token: say so and offer a new session. */
function CustomError() {
  const { error } = useDataSessionState();
  const controller = useDataSessionController();
  if (error === undefined) return null;
  return (
    <div className="demo-error" role="alert" data-testid="custom-error">
      <p>
        <code data-testid="custom-error-code">{error.code}</code> {errorAdvice(error)}
      </p>
      <button className="demo-button demo-button-primary" data-testid="custom-retry" onClick={() => controller.retry()}>
        Retry
      </button>
    </div>
  );
}
