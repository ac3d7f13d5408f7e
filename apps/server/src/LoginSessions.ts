import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const SESSION_COOKIE = "demo_session";

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * The demo's logins, in memory: a random session id (kept in an httpOnly cookie) per login.
 * @example
 * const sessionId = logins.create("alice");
 * logins.userOf(request); // "alice" when the request carries that cookie
 */
export class LoginSessions {
  #users = new Map<string, string>();

  create(userId: string): string {
    const sessionId = randomBytes(24).toString("base64url");
    this.#users.set(sessionId, userId);
    return sessionId;
  }

  /** The session id of the request's cookie, when that login exists. */
  sessionIdOf(request: IncomingMessage): string | undefined {
    const sessionId = cookieValue(request, SESSION_COOKIE);
    return sessionId !== undefined && this.#users.has(sessionId) ? sessionId : undefined;
  }

  userOf(request: IncomingMessage): string | undefined {
    const sessionId = this.sessionIdOf(request);
    return sessionId === undefined ? undefined : this.#users.get(sessionId);
  }

  delete(sessionId: string): void {
    this.#users.delete(sessionId);
  }

  static cookie(sessionId: string): string {
    return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`;
  }

  static clearedCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  }
}
