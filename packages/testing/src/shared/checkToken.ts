import { readTokenExpiry } from "./jwt.js";
import { verifyTestToken } from "./verifyTestToken.js";

/** How a fake decides whether TalkJS's servers would accept a token. */
export interface TokenCheckSettings {
  /** HS256 secret: tokens must be JWTs signed with it (see `verifyTestToken`). */
  readonly secret: string | undefined;
  /** Checks tokens instead of `secret`; only a literal `true` accepts. */
  readonly verifyToken:
    ((token: string, claims: { appId: string; userId: string }) => boolean | Promise<boolean>) | undefined;
  /** When set, only these app ids are valid. */
  readonly appIds: readonly string[] | undefined;
}

/** The answer of {@link checkToken}: the token's `exp` (seconds) if it has one, or why it was refused. */
export type TokenCheck = { ok: true; exp: number | undefined } | { ok: false; reason: string };

/** Whether the fake verifies tokens at all (then a session without one is refused). */
export function verifiesTokens(settings: TokenCheckSettings): boolean {
  return settings.secret !== undefined || settings.verifyToken !== undefined;
}

/**
 * Checks a token the way both fakes do: the app id first, then `verifyToken`, else `secret`, else only an expired
 * JWT `exp` is refused. Never throws; the reason says what is wrong.
 */
export async function checkToken(
  token: string,
  claims: { appId: string; userId: string },
  settings: TokenCheckSettings,
): Promise<TokenCheck> {
  if (settings.appIds !== undefined && !settings.appIds.includes(claims.appId)) {
    return { ok: false, reason: `unknown app id ${JSON.stringify(claims.appId)}` };
  }
  if (settings.verifyToken !== undefined) {
    try {
      const accepted: unknown = await settings.verifyToken(token, claims);
      return accepted === true
        ? { ok: true, exp: readTokenExpiry(token) }
        : { ok: false, reason: "verifyToken refused the token" };
    } catch (error) {
      return { ok: false, reason: `verifyToken failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (settings.secret === undefined) {
    const exp = readTokenExpiry(token);
    if (exp !== undefined && exp * 1000 <= Date.now()) return { ok: false, reason: "the token has expired" };
    return { ok: true, exp };
  }
  try {
    return await verifyTestToken(token, { secret: settings.secret, ...claims });
  } catch (error) {
    return {
      ok: false,
      reason: `could not verify the token: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
