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

interface Library {
  name: string;
  Session: ComponentType<Record<string, unknown> & { children?: ReactNode }>;
  useSession: () => unknown;
  shareableController?: () => Record<string, unknown>;
}

export const libraries: Library[] = [
  {
    name: "@x/session-react",
    Session: ours.Session as never,
    useSession: ours.useSession,
    shareableController: () => ({ controller: ours.createTalkSession({ appId: "bench-app", userId: "pete" }) }),
  },
  { name: "@talkjs/react 0.1.12", Session: official.Session as never, useSession: official.useSession },
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

export const reactScenarios = { inlineProps, strictModeMount, routeChange };
