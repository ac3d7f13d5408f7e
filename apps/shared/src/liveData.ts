import type { CoreModule } from "@x/session-core/data";
import type { createFakeCore, FakeCore } from "@x/session-testing";
import type { DemoConfig } from "./api";
import { callDemoServer } from "./api";
import { demoUsers, type DataWorldEvent, type DataWorldSnapshot } from "./demoUsers";
import { onDataWorldEvent } from "./offlineTalk";

/** How long the offline "server" takes to answer: long enough to see a pending message and "Loading older…". */
const FAKE_LATENCY_MS = 150;

const page = globalThis as typeof globalThis & {
  TalkCoreFake?: { createFakeCore: typeof createFakeCore };
  /** The page's `@talkjs/core` fake once the custom-UI view started it: its controls, for tests and the console. */
  TalkCoreDemo?: FakeCore;
};

/** `@talkjs/core`'s `ConversationRef` (the apps have no direct dependency on `@talkjs/core`). */
type ConversationRef = ReturnType<ReturnType<FakeCore["getTalkSession"]>["conversation"]>;
type SendParams = Parameters<ConversationRef["send"]>[0];

let loading: Promise<CoreModule> | undefined;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src} from the demo server.`));
    document.head.append(script);
  });
}

/**
 * The offline demo's `@talkjs/core` (`/fake/core.js`, the fake's browser build): seeded with the simulated data,
 * fed its changes, and telling the server what this page sends and reads, so other tabs and browsers see it.
 */
async function startOfflineCore(): Promise<CoreModule> {
  const buffered: DataWorldEvent[] = [];
  let apply = (event: DataWorldEvent) => void buffered.push(event); // changes that come while the seed loads
  onDataWorldEvent((event) => apply(event));
  await loadScript("/fake/core.js");
  const world = await callDemoServer<DataWorldSnapshot>("/api/fake/world");
  const fakeModule = page.TalkCoreFake;
  if (fakeModule === undefined)
    throw new Error("/fake/core.js did not define TalkCoreFake: rebuild @x/session-testing.");
  const fake = fakeModule.createFakeCore({
    latencyMs: FAKE_LATENCY_MS,
    verifyToken: (token, { appId, userId }) =>
      callDemoServer<{ valid: unknown }>("/api/fake/verify", { token, appId, userId }).then(
        ({ valid }) => valid === true,
      ),
    seed: {
      users: demoUsers.map(({ id, name, photoUrl, role }) => ({ id, name, photoUrl, custom: { role } })),
      conversations: world.conversations.map(({ id, participants, messages, unread }) => ({
        id,
        participants: [...participants],
        unread: { ...unread },
        createdAt: messages[0]?.timestamp,
        messages: messages.map((message) => ({
          id: message.id,
          senderId: message.senderId,
          text: message.body,
          createdAt: message.timestamp,
        })),
      })),
    },
  });
  const known = new Set(world.conversations.flatMap((conversation) => conversation.messages.map(({ id }) => id)));
  for (const userId of world.online) fake.setOnline(userId, true);
  apply = (event) => {
    if (event.type === "typing") fake.setTyping(event.conversationId, event.userId, event.typing);
    else if (event.type === "presence") fake.setOnline(event.userId, event.online);
    else if (!known.has(event.message.id)) {
      const { id, conversationId, senderId, body, timestamp } = event.message;
      known.add(id);
      fake.publishMessage(conversationId, { id, senderId, text: body, createdAt: timestamp });
    }
  };
  for (const event of buffered.splice(0)) apply(event);
  page.TalkCoreDemo = fake;

  const relay = (conversation: ConversationRef): ConversationRef => {
    const send = conversation.send.bind(conversation);
    const markAsRead = conversation.markAsRead.bind(conversation);
    conversation.send = async (params: SendParams) => {
      const sent = await send(params);
      known.add(sent.id);
      const body = typeof params === "string" ? params : "text" in params ? params.text : "";
      void callDemoServer("/api/fake/world/message", { id: sent.id, conversationId: conversation.id, body }).catch(
        (error: unknown) => console.warn("[demo] The other tabs did not get the message:", error),
      );
      return sent;
    };
    conversation.markAsRead = async () => {
      await markAsRead();
      void callDemoServer("/api/fake/world/read", { conversationId: conversation.id }).catch(() => undefined);
    };
    return conversation;
  };
  return {
    getTalkSession(options) {
      const session = fake.getTalkSession(options);
      const conversation = session.conversation.bind(session);
      session.conversation = (id: string) => relay(conversation(id));
      return session;
    },
  };
}

/**
 * The `core` option of the custom-UI views' `createDataSession`: offline, a loader of the demo's `@talkjs/core` fake
 * (seeded from and fed by the demo server's simulated data, shared by every tab); with real TalkJS, `undefined` (the
 * default, `import("@talkjs/core")`). Loads nothing until the data session first needs it.
 * @example
 * const talk = createDataSession({ appId, userId, tokenFetcher, core: dataCoreFor(config) });
 */
export function dataCoreFor(config: DemoConfig): (() => Promise<CoreModule>) | undefined {
  if (config.mode !== "offline") return undefined;
  return () => (loading ??= startOfflineCore());
}
