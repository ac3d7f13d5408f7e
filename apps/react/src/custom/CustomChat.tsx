import { useMemo, useState } from "react";
import { conversationIdBetween, demoUsers, tokenFetcherFor, type DemoUser } from "@x/example-shared";
import { DataSession, type CoreModule } from "@x/session-react/data";
import { ConversationList } from "./ConversationList";
import { MessageThread } from "./MessageThread";

/** The custom UI, drawn from the data layer only (`@x/session-react/data`); mirrors apps/vanilla/src/customChat.ts. */
export function CustomChat({ appId, user, core }: { appId: string; user: DemoUser; core?: () => Promise<CoreModule> }) {
  const tokenFetcher = useMemo(() => tokenFetcherFor(user.id), [user.id]);
  return (
    <DataSession appId={appId} userId={user.id} tokenFetcher={tokenFetcher} core={core}>
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
