import type Talk from "talkjs";
import { fakeUnreadConversation, type FakeSession, type FakeTalkWindow } from "@x/session-testing";
import type { DemoConfig } from "./api";
import { callDemoServer } from "./api";
import { findDemoUser, type DataWorldEvent, type DemoUser, type SimulatedMessage } from "./demoUsers";
import { checkLogin } from "./loginSync";

const page = globalThis as typeof globalThis & FakeTalkWindow;

/** How long to wait before asking again for a stream the server refused to the same user (as EventSource retries). */
const STREAM_RETRY_MS = 2_000;

let offline = false;
let events: EventSource | undefined;
/** The user the stream is for (`null`: nobody logged in). */
let streamUserId: string | null = null;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
// What the simulated backend counts as unread, per conversation: TalkJS's servers would track this.
const unread = new Map<string, { count: number; lastMessage: Talk.Message }>();
/** Who hears the simulated data's changes (`event: data`): the custom-UI views' fake (see liveData.ts). */
const dataListeners = new Set<(event: DataWorldEvent) => void>();

/**
 * Calls `listener` with every change of the simulated data the event stream carries (`event: data`), whoever is
 * logged in; returns the unsubscribe function.
 * @example
 * const off = onDataWorldEvent((event) => console.log(event.type));
 */
export function onDataWorldEvent(listener: (event: DataWorldEvent) => void): () => void {
  dataListeners.add(listener);
  return () => void dataListeners.delete(listener);
}

function snapshotOf(user: DemoUser): Talk.UserSnapshot {
  return {
    id: user.id,
    name: user.name,
    custom: {},
    locale: null,
    photoUrl: user.photoUrl,
    role: "default",
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the SDK's UserSnapshot type still requires this field
    welcomeMessage: null,
  };
}

function liveSessionOf(userId: string): FakeSession | undefined {
  return page.TalkFake?.liveSessions().find((session) => session.me.id === userId);
}

function publishUnreads(session: FakeSession): void {
  session.setUnreads(
    [...unread.values()].map(({ count, lastMessage }) =>
      fakeUnreadConversation({ conversation: lastMessage.conversation, lastMessage, unreadMessageCount: count }),
    ),
  );
}

/** Hands a message of the simulated backend to the fake session, as TalkJS's realtime connection would. */
function deliver(recipientId: string, incoming: SimulatedMessage): void {
  const session = liveSessionOf(recipientId);
  // Like TalkJS, only a live session receives realtime messages; the server keeps talking meanwhile.
  if (session === undefined) return;
  const sender = findDemoUser(incoming.senderId);
  const conversation = {
    id: incoming.conversationId,
    subject: sender?.name ?? null,
    photoUrl: sender?.photoUrl ?? null,
  };
  const message = session.emitMessage({
    id: incoming.id,
    senderId: incoming.senderId,
    sender: sender === undefined ? null : snapshotOf(sender),
    body: incoming.body,
    timestamp: incoming.timestamp,
    conversation,
  });
  unread.set(incoming.conversationId, {
    count: (unread.get(incoming.conversationId)?.count ?? 0) + 1,
    lastMessage: message,
  });
  publishUnreads(session);
}

/** The fake Inbox's Send: the conversation counts as read, and the server may answer. */
async function sendReply(message: Talk.Message, session: FakeSession): Promise<void> {
  if (unread.delete(message.conversation.id) && session.isAlive) publishUnreads(session);
  await callDemoServer("/api/fake/send", { conversationId: message.conversation.id, body: message.body });
}

function verifyToken(token: string, { appId, userId }: { appId: string; userId: string }): Promise<boolean> {
  // The server's JSON is not checked at runtime: only a literal `true` counts as valid.
  return callDemoServer<{ valid: unknown }>("/api/fake/verify", { token, appId, userId }).then(
    ({ valid }) => valid === true,
  );
}

/** lib.dom says `navigator.serviceWorker` is always there, but insecure origins (and non-browsers) lack it. */
function serviceWorkers(): ServiceWorkerContainer | undefined {
  return (page as { navigator?: { serviceWorker?: ServiceWorkerContainer } }).navigator?.serviceWorker;
}

/** Resolves once a service worker controls this page, or after `timeoutMs` (then the CDN is asked as usual). */
async function serviceWorkerControl(timeoutMs: number): Promise<void> {
  const container = serviceWorkers();
  if (container === undefined) {
    console.warn("[demo] No service worker support here: the offline demo needs one to replace the TalkJS CDN script.");
    return;
  }
  // A function, so the check after the awaits below reads the controller anew instead of the narrowed `null`.
  const isControlled = (): boolean => container.controller !== null;
  if (isControlled()) return;
  const controlled = new Promise<void>((resolve) =>
    container.addEventListener("controllerchange", () => resolve(), { once: true }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  try {
    const registration = await container.register("/sw.js", { scope: "/" });
    // After a hard reload the worker is already active but does not control the page until it claims it again.
    (registration.active ?? (await container.ready).active)?.postMessage("claim");
    await Promise.race([controlled, timedOut]);
  } catch (error) {
    console.warn("[demo] The service worker could not be registered; the TalkJS CDN script will load as usual.", error);
  } finally {
    clearTimeout(timer);
  }
  if (!isControlled())
    console.warn("[demo] The service worker does not control this page yet; the TalkJS CDN script will load as usual.");
}

/**
 * Sets up the offline demo before anything loads `talkjs`: configures the fake (`window.TalkFakeOptions`: tokens are
 * verified by the server, Inbox replies go to it), lets the simulated backend stream follow logins, and registers the
 * service worker that serves the fake in place of the CDN script, waiting until it controls the page.
 * @example
 * await prepareOfflineTalk();
 */
export async function prepareOfflineTalk({ serviceWorkerTimeoutMs = 4_000 } = {}): Promise<void> {
  offline = true;
  page.TalkFakeOptions = {
    ...page.TalkFakeOptions,
    verifyToken,
    onSend: sendReply,
    userName: (userId) => findDemoUser(userId)?.name, // TalkJS's servers would know the names; the Inbox shows them.
    participants: (conversationId) => conversationId.split("-"), // the demo's ids join the two users' ids
    // TalkJS marks a conversation read while a box shows it; the simulated backend's count follows.
    onRead: (conversationId) => void unread.delete(conversationId),
  };
  await serviceWorkerControl(serviceWorkerTimeoutMs);
}

/**
 * Prepares the page for the demo's mode; await it before anything loads `talkjs`. Offline: `prepareOfflineTalk()`.
 * TalkJS: removes a service worker left from an offline run, so the real CDN script loads.
 * @example
 * const config = await getConfig();
 * await prepareTalk(config);
 */
export async function prepareTalk(
  config: DemoConfig,
  options: { serviceWorkerTimeoutMs?: number } = {},
): Promise<void> {
  if (config.mode === "offline") return prepareOfflineTalk(options);
  const registrations = (await serviceWorkers()?.getRegistrations()) ?? [];
  await Promise.all(registrations.map((registration) => registration.unregister()));
}

/**
 * Why the offline demo cannot have put the fake in place of the TalkJS CDN script, in words for the error panel;
 * `undefined` when the service worker controls the page (or the demo runs against real TalkJS).
 * @example
 * const problem = offlineSetupProblem(); // "The demo's service worker does not control this page, ..."
 */
export function offlineSetupProblem(): string | undefined {
  if (!offline) return undefined;
  const container = serviceWorkers();
  if (container === undefined) {
    return "This page cannot use service workers (they need http://127.0.0.1, localhost or https), so the browser asked the real TalkJS CDN instead of the offline fake. Open the address pnpm demo prints.";
  }
  if (container.controller === null) {
    return "The demo's service worker does not control this page, so the browser asked the real TalkJS CDN instead of the offline fake. Retry gives it another chance.";
  }
  return undefined;
}

function openStream(user: DemoUser): void {
  // The userId lets the server refuse the stream (403) once another tab switched the shared login to someone else.
  const stream = new EventSource(`/api/fake/events?userId=${encodeURIComponent(user.id)}`);
  events = stream;
  stream.addEventListener("message", (event) => {
    try {
      deliver(user.id, JSON.parse((event as MessageEvent<string>).data) as SimulatedMessage);
    } catch (error) {
      console.error("[demo] Could not deliver a simulated message:", error);
    }
  });
  stream.addEventListener("data", (event) => {
    const change = JSON.parse((event as MessageEvent<string>).data) as DataWorldEvent;
    for (const listener of [...dataListeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error("[demo] Could not apply a change of the simulated data:", error);
      }
    }
  });
  stream.addEventListener("error", () => {
    // A dropped connection reconnects by itself; a refused one (401, 403) closes for good: the login changed.
    if (events === stream && stream.readyState === EventSource.CLOSED) void checkLogin("refused");
  });
}

/** Called with each answer about the login: the simulated backend's stream follows whoever is logged in. */
export function followLogin(user: DemoUser | null): void {
  const userId = user?.id ?? null;
  const sameUser = userId === streamUserId;
  if (sameUser && events !== undefined && events.readyState !== EventSource.CLOSED) return; // already following
  if (!sameUser) unread.clear();
  // The same user's stream was refused (the login changed and changed back): ask again, but not in a tight loop.
  const retry = sameUser && events !== undefined;
  events?.close();
  events = undefined;
  clearTimeout(reopenTimer);
  streamUserId = userId;
  if (!offline || user === null) return;
  if (retry) reopenTimer = setTimeout(() => openStream(user), STREAM_RETRY_MS);
  else openStream(user);
}
