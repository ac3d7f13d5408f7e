import { performance } from "node:perf_hooks";
import { act, memo, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { getTalkSession, type MessageSnapshot, type TalkSession } from "@talkjs/core";
import { createDataSession, type DataSessionController } from "@x/session-core/data";
import { DataSession, useMessages } from "@x/session-react/data";
import { installFakeClock } from "./fakeClock";
import { useFreshCore } from "./fakeTalkCore";

// Issue 20's evidence: our data layer next to raw `@talkjs/core` used the way its docs show (`getTalkSession`, an
// `onNeedToken` that answers with `setToken`, `subscribeMessages` in a `useEffect`), both on `createFakeCore()`.
// "@talkjs/core" is aliased to the fake (fakeTalkCore.ts); our controller gets the same fake as its `core`.

const appId = "bench-app";
const token = "opaque-token";
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const settle = () => act(() => wait(20));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A fake whose conversation "c1" (pete and sam) holds `messages` messages. */
const seeded = (messages: number, options?: Parameters<typeof useFreshCore>[0]) =>
  useFreshCore({
    ...options,
    seed: {
      conversations: [
        {
          id: "c1",
          participants: ["pete", "sam"],
          messages: Array.from({ length: messages }, (_, index) => ({ senderId: "sam", text: `message ${index}` })),
        },
      ],
    },
  });

/** The raw session as `@talkjs/core`'s docs set it up: `getTalkSession`, and `onNeedToken` answered with `setToken`. */
function rawSession(userId = "pete", fetchToken: () => Promise<string> = () => Promise.resolve(token)): TalkSession {
  const session = getTalkSession({ appId, userId });
  session.onNeedToken = async () => session.setToken(await fetchToken());
  return session;
}

/** Raw: a component that subscribes in a `useEffect`, as the docs' React example does. */
function useRawMessages(conversationId: string, count?: number): MessageSnapshot[] | null | undefined {
  const [messages, setMessages] = useState<MessageSnapshot[] | null>();
  useEffect(() => {
    const subscription = rawSession().conversation(conversationId).subscribeMessages(setMessages);
    if (count !== undefined) void subscription.connected.then(() => subscription.loadMore(count - 30));
    return () => subscription.unsubscribe();
  }, [conversationId, count]);
  return messages;
}

const mount = (node: React.ReactNode) => {
  const root = createRoot(document.body.appendChild(document.createElement("div")));
  act(() => root.render(node));
  return () => act(() => root.unmount());
};

/** TalkJS subscriptions while 100 components watch one conversation's messages. */
async function subscriptionsFor100Watchers(ours: boolean): Promise<number> {
  const core = seeded(2);
  const delivered = new Set<number>();
  const Watcher = ({ index }: { index: number }) => {
    const messages = ours ? useMessages("c1").data : useRawMessages("c1");
    if (messages) delivered.add(index);
    return null;
  };
  const watchers = Array.from({ length: 100 }, (_, index) => <Watcher key={index} index={index} />);
  const unmount = mount(
    ours ? (
      <DataSession appId={appId} userId="pete" token={token} core={core}>
        {watchers}
      </DataSession>
    ) : (
      <>{watchers}</>
    ),
  );
  for (let round = 0; round < 50 && delivered.size < 100; round++) await settle();
  await settle();
  const count = core.subscriptionCount();
  if (delivered.size < 100) throw new Error(`bench: only ${delivered.size} of 100 watchers got messages.`);
  unmount();
  return count;
}

/** Renders of the list and of unchanged rows for one incoming message, with 100 message rows mounted. */
async function rendersPerMessage(ours: boolean): Promise<{ list: number; unchangedRows: number; rows: number }> {
  const core = seeded(100);
  const renders = { list: 0, rows: new Map<string, number>() };
  const Row = memo(function Row({ message }: { message: MessageSnapshot }) {
    renders.rows.set(message.id, (renders.rows.get(message.id) ?? 0) + 1);
    return <li>{message.plaintext}</li>;
  });
  function List() {
    renders.list++;
    // 100 messages: a first page of 30 and one loadMore, which our query makes from its page size.
    const messages = ours ? useMessages("c1", { pageSize: 100 }).data : useRawMessages("c1", 100);
    return (
      <ul>
        {messages?.map((message) => (
          <Row key={message.id} message={message} />
        ))}
      </ul>
    );
  }
  const unmount = mount(
    ours ? (
      <DataSession appId={appId} userId="pete" token={token} core={core}>
        <List />
      </DataSession>
    ) : (
      <List />
    ),
  );
  for (let round = 0; round < 50 && document.querySelectorAll("li").length < 100; round++) await settle();
  const rows = document.querySelectorAll("li").length;
  const before = { list: renders.list, rows: new Map(renders.rows) };
  act(() => void core.publishMessage("c1", { senderId: "sam", text: "Out for delivery" }));
  await settle();
  const unchangedRows = [...before.rows].filter(([id, count]) => renders.rows.get(id) !== count).length;
  unmount();
  return { list: renders.list - before.list, unchangedRows, rows };
}

/** Milliseconds from subscribing to the first snapshot, with the fake's `latencyMs`; a cold and a warm session. */
async function timeToFirstSnapshot(ours: boolean, latencyMs: number): Promise<{ coldMs: number; warmMs: number }> {
  const core = seeded(2, { latencyMs });
  let talk: DataSessionController | undefined;
  const firstSnapshot = (conversationId: string) =>
    new Promise<number>((resolve) => {
      const start = performance.now();
      if (talk) {
        const query = talk.messages(conversationId);
        query.subscribe((state) => state.status == "ready" && resolve(performance.now() - start));
      } else
        rawSession()
          .conversation(conversationId)
          .subscribeMessages(() => resolve(performance.now() - start));
    });
  core.addConversation({ id: "c2", participants: ["pete", "sam"], messages: [{ senderId: "sam", text: "hi" }] });
  if (ours) talk = createDataSession({ appId, userId: "pete", token, core });
  const coldMs = await firstSnapshot("c1");
  // The session is connected now: a second conversation's messages.
  const warmMs = await firstSnapshot("c2");
  talk?.destroy();
  return { coldMs, warmMs };
}

/** TalkJS sessions alive besides the current user's after `switches` user switches, and after the end. */
async function sessionsAfterSwitches(ours: boolean, switches: number): Promise<{ others: number; atEnd: number }> {
  const core = seeded(1);
  const current = (user: number) => `user-${user}`;
  let others = 0;
  if (ours) {
    const talk = createDataSession({ appId, userId: current(0), token, core });
    const release = talk.connect();
    for (let user = 0; user <= switches; user++) {
      talk.setOptions({ appId, userId: current(user), token, core });
      await talk.whenReady();
    }
    others = core.liveSessions().filter((session) => session.userId != current(switches)).length;
    release();
    talk.destroy();
  } else {
    // The app follows the current user: a session per user from getTalkSession, its subscription ended on a switch.
    let stop = () => {};
    for (let user = 0; user <= switches; user++) {
      stop();
      const subscription = rawSession(current(user)).subscribeConversations(() => {});
      await subscription.connected;
      stop = () => subscription.unsubscribe();
    }
    others = core.liveSessions().filter((session) => session.userId != current(switches)).length;
    stop();
  }
  return { others, atEnd: core.liveSessions().length };
}

/** setToken calls while TalkJS refuses every token for `seconds` (fake time), the token endpoint taking 100 ms. */
async function setTokenCallsWhileRefused(ours: boolean, seconds: number): Promise<{ calls: number; status: string }> {
  const clock = installFakeClock();
  try {
    const core = seeded(1, { verifyToken: () => false });
    const fetchToken = () => wait(100).then(() => token);
    let status = "";
    let stop = () => {};
    if (ours) {
      const talk = createDataSession({ appId, userId: "pete", tokenFetcher: fetchToken, core });
      stop = talk.messages("c1").subscribe(() => {});
      await clock.advance(seconds * 1000);
      status = `${talk.getState().status} (${talk.getState().error?.code ?? "no error"})`;
      stop();
      talk.destroy();
    } else {
      const subscription = rawSession("pete", fetchToken)
        .conversation("c1")
        .subscribeMessages(() => {});
      await clock.advance(seconds * 1000);
      status = `subscription ${subscription.state.type}`;
      subscription.unsubscribe();
    }
    return { calls: core.setTokenCalls(), status };
  } finally {
    clock.uninstall();
  }
}

const check = (met: boolean) => (met ? "✅" : "❌");

/** The bench table's rows: [group, measure, ours, raw @talkjs/core, goal, result]. Needs a DOM (jsdom). */
export async function dataRows(): Promise<string[][]> {
  const rows: string[][] = [];
  const group = "data";

  const [mineSubscriptions, rawSubscriptions] = [
    await subscriptionsFor100Watchers(true),
    await subscriptionsFor100Watchers(false),
  ];
  rows.push([
    group,
    "100 components watching one conversation's messages: TalkJS subscriptions",
    String(mineSubscriptions),
    String(rawSubscriptions),
    "1",
    check(mineSubscriptions === 1),
  ]);

  const [mineRenders, rawRenders] = [await rendersPerMessage(true), await rendersPerMessage(false)];
  const shown = ({ list, unchangedRows, rows: mounted }: typeof mineRenders) =>
    `${list} list, ${unchangedRows} unchanged rows${mounted === 100 ? "" : ` (${mounted} rows mounted)`}`;
  rows.push([
    group,
    "one incoming message, 100 message rows mounted (memo rows): renders",
    shown(mineRenders),
    shown(rawRenders),
    "1 list, 0 unchanged rows",
    check(mineRenders.list === 1 && mineRenders.unchangedRows === 0 && mineRenders.rows === 100),
  ]);

  const latencyMs = 20;
  const runs = { mine: [] as Array<{ coldMs: number; warmMs: number }>, raw: [] as typeof runs.mine };
  for (let run = 0; run < 5; run++) {
    runs.mine.push(await timeToFirstSnapshot(true, latencyMs));
    runs.raw.push(await timeToFirstSnapshot(false, latencyMs));
  }
  for (const [which, label] of [
    ["coldMs", "a new session (token check, connect, first snapshot)"],
    ["warmMs", "a connected session"],
  ] as const) {
    const mine = median(runs.mine.map((run) => run[which]));
    const raw = median(runs.raw.map((run) => run[which]));
    const overhead = mine - latencyMs;
    rows.push([
      group,
      `ms from subscribing to the first snapshot, ${label}, fake latency ${latencyMs} ms (median of 5)`,
      mine.toFixed(1),
      raw.toFixed(1),
      `${latencyMs} + ≤ 5 ms`,
      `${check(overhead <= 5)} +${overhead.toFixed(1)} ms`,
    ]);
  }

  const switches = 1000;
  const [mineSwitches, rawSwitches] = [
    await sessionsAfterSwitches(true, switches),
    await sessionsAfterSwitches(false, switches),
  ];
  rows.push([
    group,
    `${switches.toLocaleString("en")} user switches: TalkJS sessions of earlier users left alive (all alive at the end)`,
    `${mineSwitches.others} (${mineSwitches.atEnd})`,
    `${rawSwitches.others.toLocaleString("en")} (${rawSwitches.atEnd.toLocaleString("en")})`,
    "0",
    check(mineSwitches.others === 0 && mineSwitches.atEnd === 0),
  ]);

  const seconds = 60;
  const [mineRefused, rawRefused] = [
    await setTokenCallsWhileRefused(true, seconds),
    await setTokenCallsWhileRefused(false, seconds),
  ];
  rows.push([
    group,
    `TalkJS refuses every token for ${seconds} s (fake time, token endpoint 100 ms): setToken calls, then`,
    `${mineRefused.calls}, ${mineRefused.status}`,
    `${rawRefused.calls}, ${rawRefused.status}`,
    "≤ retry.attempts (3)",
    check(mineRefused.calls <= 3),
  ]);
  return rows;
}
