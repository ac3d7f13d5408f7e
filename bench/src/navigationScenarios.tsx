import { act, createContext, useContext, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import * as official from "@talkjs/react";
import * as ours from "@x/session-react";
import { useFreshFake } from "./fakeTalkjs";

// Navigating chatbox → inbox → popup → chatbox, each page given time to mount its box: how many Talk.Sessions are
// built, and the most alive at once. Per page: each page has its own <Session appId userId>, as TalkJS's Next.js
// starter does. Layout: the README's recipe, one controller made and connected by the layout, each page's
// <Session controller>.

type AnyComponent = ComponentType<Record<string, unknown> & { children?: ReactNode }>;
interface Components {
  Session: AnyComponent;
  Chatbox: AnyComponent;
  Inbox: AnyComponent;
  Popup: AnyComponent;
}

const pages = ["chatbox", "inbox", "popup", "chatbox"] as const;
type Page = (typeof pages)[number];
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

/** The page's one box; the route's element changes with the page, as a router's does. */
function PageContent({ page, components }: { page: Page; components: Components }) {
  const { Chatbox, Inbox, Popup } = components;
  if (page === "inbox") return <Inbox style={{ height: 500 }} />;
  if (page === "popup") return <Popup conversationId="welcome" />;
  return <Chatbox conversationId="welcome" style={{ height: 500 }} />;
}

const LayoutController = createContext<ours.SessionController | undefined>(undefined);

/** The README's Next.js recipe: the layout creates the controller once and keeps it connected for its life. */
function Layout({ children }: { children: ReactNode }) {
  const [talk] = useState(() => ours.createTalkSession({ appId: "bench-app", userId: "pete" }));
  useEffect(() => talk.connect(), [talk]);
  return <LayoutController.Provider value={talk}>{children}</LayoutController.Provider>;
}

function LayoutPage({ page }: { page: Page }) {
  const controller = useContext(LayoutController);
  return (
    <ours.Session controller={controller}>
      <PageContent page={page} components={ours as unknown as Components} />
    </ours.Session>
  );
}

function PerPage({ page, components }: { page: Page; components: Components }) {
  const { Session } = components;
  return (
    <Session appId="bench-app" userId="pete">
      <PageContent page={page} components={components} />
    </Session>
  );
}

const variants = {
  ours: (page: Page, index: number) => <PerPage key={index} page={page} components={ours as unknown as Components} />,
  layout: (page: Page, index: number) => (
    <Layout>
      <LayoutPage key={index} page={page} />
    </Layout>
  ),
  official: (page: Page, index: number) => (
    <PerPage key={index} page={page} components={official as unknown as Components} />
  ),
};

/** Sessions built, most alive at once and boxes mounted over the navigation, for one variant. */
async function navigate(variant: (page: Page, index: number) => ReactNode) {
  const fake = await useFreshFake();
  const root = createRoot(document.body.appendChild(document.createElement("div")));
  let mounted = 0;
  for (const [index, page] of pages.entries()) {
    act(() => root.render(variant(page, index)));
    await settle();
    mounted += fake.liveBoxes().filter((box) => box.mounted && box.kind === page).length;
  }
  const counts = { built: fake.sessions.length, peak: fake.peakLiveSessions(), mounted };
  act(() => root.unmount());
  await settle();
  return counts;
}

/** The bench table's rows: [group, measure, ours, @talkjs/react, goal, result]. */
export async function navigationRows(): Promise<string[][]> {
  const perPage = await navigate(variants.ours);
  const layout = await navigate(variants.layout);
  const official = await navigate(variants.official);
  const route = "chatbox → inbox → popup → chatbox";
  const check = (value: number, goal: number) => (value <= goal ? "✅" : "❌");
  const shown = (counts: { mounted: number }) =>
    counts.mounted === pages.length ? "" : ` (${counts.mounted} boxes shown)`;
  return [
    [
      "navigation",
      `${route}, <Session> per page: Talk.Sessions built`,
      `${perPage.built}${shown(perPage)}`,
      `${official.built}${shown(official)}`,
      "",
      "",
    ],
    [
      "navigation",
      `${route}, <Session> per page: most alive at once`,
      `${perPage.peak}`,
      `${official.peak}`,
      "1",
      check(perPage.peak, 1),
    ],
    [
      "navigation",
      `${route}, layout controller + <Session controller> per page: Talk.Sessions built`,
      `${layout.built}${shown(layout)}`,
      "",
      "1",
      check(layout.built, 1),
    ],
    [
      "navigation",
      `${route}, layout controller + <Session controller> per page: most alive at once`,
      `${layout.peak}`,
      "",
      "1",
      check(layout.peak, 1),
    ],
  ];
}
