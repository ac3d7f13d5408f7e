import { callDemoServer } from "./api";
import type { DemoUser } from "./demoUsers";
import { followLogin } from "./offlineTalk";

/**
 * The login changed outside this tab: `user` is who the demo server says is logged in now (`null`: nobody), and
 * `notice` says so in a short sentence for the screen ("Signed in as Bob Okafor in another tab.").
 * @example
 * onLoginElsewhere(({ user, notice }) => (user === null ? showLogin(notice) : switchTo(user, notice)));
 */
export interface LoginChange {
  readonly user: DemoUser | null;
  readonly notice: string;
}

type LoginListener = (change: LoginChange) => void;

// All tabs share one cookie, so a login in one tab is the login of all of them; the others hear it on this channel.
const CHANNEL_NAME = "talk-session-demo:login";

const listeners = new Set<LoginListener>();
let channel: BroadcastChannel | undefined;
/** Who this tab last heard the server name (`undefined` before the first `me()`). */
let knownUserId: string | null | undefined;
/** Counts logins, logouts and checks, so an answer that is older than the latest one is dropped. */
let generation = 0;

function openChannel(): void {
  if (channel !== undefined || typeof BroadcastChannel === "undefined") return;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.addEventListener("message", () => void checkLogin("another tab"));
}

/**
 * Called by `me`, `login` and `logout` with the server's answer: the simulated backend's stream follows the user, and
 * a login or logout made here (`announce`) tells the other tabs to check.
 */
export function recordLogin(user: DemoUser | null, { announce }: { announce: boolean }): void {
  generation += 1;
  knownUserId = user?.id ?? null;
  followLogin(user);
  openChannel();
  if (announce) channel?.postMessage("login-changed");
}

function noticeFor(user: DemoUser | null, cause: "another tab" | "refused"): string {
  if (user !== null) return `Signed in as ${user.name} in another tab.`;
  return cause === "another tab"
    ? "Signed out in another tab."
    : "Signed out: the demo server no longer knows this login (another tab logged out, or the server restarted).";
}

/**
 * Asks the server who is logged in and, when that is not who this tab knew, tells the `onLoginElsewhere` listeners.
 * Called when another tab announces a change, and when the server refuses this tab's user (a token request or the
 * event stream answered 401 or 403).
 */
export async function checkLogin(cause: "another tab" | "refused"): Promise<void> {
  const check = ++generation;
  let user: DemoUser | null;
  try {
    ({ user } = await callDemoServer<{ user: DemoUser | null }>("/api/me"));
  } catch {
    return; // The server is unreachable; the session reports its own errors meanwhile.
  }
  if (check !== generation || (user?.id ?? null) === knownUserId) return;
  recordLogin(user, { announce: false });
  const change: LoginChange = { user, notice: noticeFor(user, cause) };
  for (const listener of [...listeners]) listener(change);
}

/**
 * Calls `listener` when somebody else changed the login this tab shares: another tab logged in as another user or
 * logged out (or the server forgot the login). Follow it: switch the session to `change.user`, or show the login
 * screen when it is `null`, with `change.notice`. Returns the unsubscribe function.
 * @example
 * const stop = onLoginElsewhere(({ user, notice }) => (user === null ? showLogin(notice) : switchTo(user, notice)));
 */
export function onLoginElsewhere(listener: LoginListener): () => void {
  openChannel();
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
