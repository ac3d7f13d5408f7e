import { memo, StrictMode, type ComponentType, type ReactNode } from "react";
import { act } from "react";
import { createRoot } from "react-dom/client";
import * as official from "@talkjs/react";
import * as ours from "@x/session-react";
import talk, { useFreshFake } from "./fakeTalkjs";

/** What one scenario measured for one library. */
export interface ReactCounts {
  sessionsConstructed: number;
  peakLiveSessions: number;
  contextConsumerRenders: number;
}

/** What one box scenario measured for one library: boxes and the SDK calls made on them. */
export interface BoxCounts {
  boxesCreated: number;
  sdkCalls: number;
  selects: number;
  peakLiveBoxes: number;
}

interface Library {
  name: string;
  Session: ComponentType<Record<string, unknown> & { children?: ReactNode }>;
  Chatbox: ComponentType<Record<string, unknown>>;
  useSession: () => unknown;
  shareableController?: () => Record<string, unknown>;
}

export const libraries: Library[] = [
  {
    name: "@x/session-react",
    Session: ours.Session as never,
    Chatbox: ours.Chatbox as never,
    useSession: ours.useSession,
    shareableController: () => ({ controller: ours.createTalkSession({ appId: "bench-app", userId: "pete" }) }),
  },
  {
    name: "@talkjs/react 0.1.12",
    Session: official.Session as never,
    Chatbox: official.Chatbox as never,
    useSession: official.useSession,
  },
];

const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

async function measure(
  library: Library,
  scenario: (render: (node: ReactNode) => void, Probe: ComponentType) => Promise<void>,
): Promise<ReactCounts> {
  const fake = await useFreshFake();
  let renders = 0;
  let peak = 0;
  // memo: only a change of what the hook returns re-renders it, not the parent's re-render.
  const Probe = memo(function Probe() {
    library.useSession();
    renders++;
    peak = Math.max(peak, fake.liveSessions().length);
    return null;
  });
  const root = createRoot(document.createElement("div"));
  await scenario((node) => act(() => root.render(node)), Probe);
  await settle();
  peak = Math.max(peak, fake.liveSessions().length);
  const counts = { sessionsConstructed: fake.sessions.length, peakLiveSessions: peak, contextConsumerRenders: renders };
  act(() => root.unmount());
  await settle();
  return counts;
}

/** 100 parent re-renders passing new inline syncUser, tokenFetcher and on* props each time. */
export function inlineProps(library: Library): Promise<ReactCounts> {
  return measure(library, async (render, Probe) => {
    const { Session } = library;
    const view = (round: number) => (
      <Session
        appId="bench-app"
        syncUser={() => new talk.User({ id: "pete", name: "Pete" })}
        tokenFetcher={() => `opaque-token-${round}`}
        onMessage={() => {}}
        onUnreadsChange={() => {}}
      >
        <Probe />
      </Session>
    );
    render(view(0));
    await settle();
    for (let round = 1; round <= 100; round++) render(view(round));
  });
}

/** A first mount under StrictMode, which mounts, unmounts and mounts again. */
export function strictModeMount(library: Library): Promise<ReactCounts> {
  return measure(library, async (render, Probe) => {
    const { Session } = library;
    render(
      <StrictMode>
        <Session appId="bench-app" userId="pete">
          <Probe />
        </Session>
      </StrictMode>,
    );
  });
}

/** A route change from one page to another, both inside a <Session> (sharing one controller where the library can). */
export function routeChange(library: Library): Promise<ReactCounts> {
  return measure(library, async (render, Probe) => {
    const { Session } = library;
    const shared = library.shareableController?.() ?? { appId: "bench-app", userId: "pete" };
    const page = (name: string) => (
      <Session key={name} {...shared}>
        <Probe />
      </Session>
    );
    render(page("inbox"));
    await settle();
    render(page("settings"));
    await settle();
  });
}

async function measureBoxes(
  library: Library,
  scenario: (
    render: (chatboxProps: (round: number) => Record<string, unknown>, round: number) => void,
  ) => Promise<void>,
): Promise<BoxCounts> {
  const fake = await useFreshFake();
  const { Session, Chatbox } = library;
  const root = createRoot(document.body.appendChild(document.createElement("div")));
  await scenario((chatboxProps, round) =>
    act(() =>
      root.render(
        <Session appId="bench-app" userId="pete">
          <Chatbox {...chatboxProps(round)} />
        </Session>,
      ),
    ),
  );
  await settle();
  const calls = fake.boxCalls();
  const counts = {
    boxesCreated: fake.boxes.length,
    sdkCalls: calls.length,
    selects: calls.filter((call) => call.method === "select").length,
    peakLiveBoxes: fake.peakLiveBoxes(),
  };
  act(() => root.unmount());
  await settle();
  return counts;
}

/** A mounted Chatbox, then 100 parent re-renders passing new inline option objects, style and on* handlers each time. */
export function boxInlineProps(library: Library): Promise<BoxCounts> {
  return measureBoxes(library, async (render) => {
    const props = (round: number) => ({
      conversationId: "order-1",
      messageField: { placeholder: "Write a reply" },
      presence: { visible: true },
      highlightedWords: ["order"],
      style: { height: 500 },
      onSendMessage: () => round,
      onCustomMessageAction: () => round,
    });
    render(props, 0);
    await settle();
    for (let round = 1; round <= 100; round++) render(props, round);
  });
}

/** A mounted Chatbox, then 10 switches to another conversation, each given time to settle. */
export function boxConversationSwitches(library: Library): Promise<BoxCounts> {
  return measureBoxes(library, async (render) => {
    const props = (round: number) => ({ conversationId: `order-${round}`, style: { height: 500 } });
    render(props, 0);
    await settle();
    for (let round = 1; round <= 10; round++) {
      render(props, round);
      await settle();
    }
  });
}

export const reactScenarios = { inlineProps, strictModeMount, routeChange };
export const boxScenarios = { boxInlineProps, boxConversationSwitches };
