import { jwtVerify, SignJWT } from "jose";

/**
 * What a TalkJS user token is signed for.
 * @example
 * const claims: TalkTokenClaims = { appId: "offline-demo", userId: "alice" };
 */
export interface TalkTokenClaims {
  readonly appId: string;
  readonly userId: string;
}

const encoder = new TextEncoder();

/**
 * Signs a TalkJS user token (HS256; `tokenType: "user"`, `iss` = app id, `sub` = user id, `exp` = now + ttl, and a
 * random `jti`, so two tokens signed in the same second still differ and a refresh always brings a new one).
 * @example
 * const token = await signTalkToken({ appId, userId: "alice" }, secret, 60);
 */
export function signTalkToken({ appId, userId }: TalkTokenClaims, secret: string, ttlSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tokenType: "user" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(appId)
    .setSubject(userId)
    .setIssuedAt(now)
    .setJti(crypto.randomUUID())
    .setExpirationTime(now + ttlSeconds)
    .sign(encoder.encode(secret));
}

/**
 * Checks a token as TalkJS would; resolves `false` (never rejects) for a bad signature, claims or expiry.
 * @example
 * if (!(await isValidTalkToken(token, { appId, userId }, secret))) response.statusCode = 401;
 */
export async function isValidTalkToken(
  token: string,
  { appId, userId }: TalkTokenClaims,
  secret: string,
): Promise<boolean> {
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), {
      algorithms: ["HS256"],
      issuer: appId,
      subject: userId,
      requiredClaims: ["exp"],
    });
    return payload.tokenType === "user";
  } catch {
    return false;
  }
}
