import type { DemoUser } from "./demoUsers";
import { recordLogin } from "./loginSync";

/**
 * What the demo server tells the apps (`GET /api/config`); never the secret.
 * @example
 * const { appId, mode } = await getConfig();
 */
export interface DemoConfig {
  readonly appId: string;
  /** "offline": the TalkJS fake and the simulated backend; "talkjs": real TalkJS. */
  readonly mode: "offline" | "talkjs";
}

/**
 * A failed call to the demo server, with its HTTP status and the server's explanation.
 * @example
 * if (error instanceof DemoApiError && error.status === 401) showLogin();
 */
export class DemoApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "DemoApiError";
  }
}

/** Calls the demo server with JSON both ways, sending the session cookie. */
export async function callDemoServer<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new DemoApiError(response.status, data.error ?? `${path} answered ${response.status}.`);
  return data;
}

/**
 * The app id and mode of this demo.
 * @throws DemoApiError when the demo server is not reachable.
 * @example
 * const config = await getConfig();
 */
export function getConfig(): Promise<DemoConfig> {
  return callDemoServer<DemoConfig>("/api/config");
}

/**
 * Who is logged in (from the httpOnly cookie), or `null`.
 * @example
 * const user = await me();
 */
export async function me(): Promise<DemoUser | null> {
  const { user } = await callDemoServer<{ user: DemoUser | null }>("/api/me");
  recordLogin(user, { announce: false });
  return user;
}

/**
 * Logs in as a demo user (the server sets the session cookie); logging in again switches user. Every tab shares the
 * cookie, so the other tabs are told to follow (`onLoginElsewhere`).
 * @throws DemoApiError for an unknown user id.
 * @example
 * const alice = await login("alice");
 */
export async function login(userId: string): Promise<DemoUser> {
  const { user } = await callDemoServer<{ user: DemoUser }>("/api/login", { userId });
  recordLogin(user, { announce: true }); // The other tabs share the cookie: they follow (see onLoginElsewhere).
  return user;
}

/**
 * Logs out (the server drops the session cookie) in every tab. Destroy the session controller first.
 * @example
 * talk.destroy();
 * await logout();
 */
export async function logout(): Promise<void> {
  await callDemoServer<{ user: null }>("/api/logout", {});
  recordLogin(null, { announce: true });
}
