import { act, type ComponentType, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import type Talk from "talkjs";
import * as official from "@talkjs/react";
import * as ours from "@x/session-react";
import { useFreshFake } from "./fakeTalkjs";

// How often a <Chatbox syncConversation={(session) => ...}> asks its function: for one mount, and over 100 parent
// re-renders that each pass a new inline function (the same option). The core asks once per session.

type AnyComponent = ComponentType<Record<string, unknown> & { children?: ReactNode }>;
interface Components {
  Session: AnyComponent;
  Chatbox: AnyComponent;
}

const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

/** syncConversation calls, boxes created and select() calls after mounting and `rerenders` inline re-renders. */
async function countCalls({ Session, Chatbox }: Components, rerenders: number) {
  const fake = await useFreshFake();
  const root = createRoot(document.body.appendChild(document.createElement("div")));
  let calls = 0;
  // Each call makes a new inline function, as a parent's render does.
  const view = () => (
    <Session appId="bench-app" userId="pete">
      <Chatbox
        syncConversation={(session: Talk.Session) => {
          calls++;
          return session.getOrCreateConversation("order-1");
        }}
        style={{ height: 500 }}
      />
    </Session>
  );
  act(() => root.render(view()));
  await settle();
  for (let round = 1; round <= rerenders; round++) act(() => root.render(view()));
  await settle();
  const boxCalls = fake.boxCalls();
  const counts = {
    calls,
    boxes: fake.boxes.length,
    selects: boxCalls.filter((call) => call.method === "select").length,
    mounted: fake.liveBoxes().filter((box) => box.mounted).length,
  };
  act(() => root.unmount());
  await settle();
  return counts;
}

/** The bench table's rows: [group, measure, ours, @talkjs/react, goal, result]. */
export async function syncConversationRows(): Promise<string[][]> {
  const rows: string[][] = [];
  for (const [rerenders, label] of [
    [0, "one mount"],
    [100, "mount + 100 parent re-renders with a new inline function"],
  ] as const) {
    const mine = await countCalls(ours as unknown as Components, rerenders);
    const theirs = await countCalls(official as unknown as Components, rerenders);
    const shown = (counts: { mounted: number }) => (counts.mounted === 1 ? "" : ` (${counts.mounted} boxes mounted)`);
    rows.push(
      [
        "React boxes",
        `Chatbox syncConversation={(session) => ...}, ${label}: syncConversation calls`,
        `${mine.calls}${shown(mine)}`,
        `${theirs.calls}${shown(theirs)}`,
        "1",
        mine.calls === 1 && mine.mounted === 1 ? "✅" : "❌",
      ],
      [
        "React boxes",
        `Chatbox syncConversation={(session) => ...}, ${label}: boxes created, select() calls`,
        `${mine.boxes}, ${mine.selects}`,
        `${theirs.boxes}, ${theirs.selects}`,
        "",
        "",
      ],
    );
  }
  return rows;
}
