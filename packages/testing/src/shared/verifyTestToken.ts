import { decodeJwt, importHmacKey } from "./jwt.js";

/**
 * What a token must match in {@link verifyTestToken}; `nowMs` pins the clock for expiry checks.
 * @example
 * const expected: VerifyTestTokenOptions = { secret: "s3cret", appId: "test-app", userId: "pete" };
 */
export interface VerifyTestTokenOptions {
  secret: string;
  /** Expected `iss` claim. */
  appId: string;
  /** Expected `sub` claim. */
  userId: string;
  /** The current time in milliseconds. Default `Date.now()` (so fake timers apply). */
  nowMs?: number;
}

/**
 * The outcome of {@link verifyTestToken}: the token's `exp` (seconds) or why it was refused.
 * @example
 * const result: VerifyTestTokenResult = await verifyTestToken(token, expected);
 * if (result.ok) console.log(new Date(result.exp * 1000));
 */
export type VerifyTestTokenResult = { ok: true; exp: number } | { ok: false; reason: string };

/**
 * Checks a token the way the fake's sessions do: HS256 signature, `tokenType: "user"`, `iss`, `sub`, unexpired `exp`.
 * Never throws for a bad token; the `reason` says what is wrong.
 * @example
 * const result = await verifyTestToken(token, { secret: "s3cret", appId: "test-app", userId: "pete" });
 * if (!result.ok) console.log(result.reason);
 */
export async function verifyTestToken(token: string, options: VerifyTestTokenOptions): Promise<VerifyTestTokenResult> {
  const decoded = typeof token === "string" ? decodeJwt(token) : undefined;
  if (decoded === undefined) return { ok: false, reason: "not a JWT: expected three dot-separated parts" };
  const { header, payload, signature, signingInput } = decoded;
  if (header === undefined) return { ok: false, reason: "the header is not base64url-encoded JSON" };
  if (header["alg"] !== "HS256")
    return { ok: false, reason: `header alg must be "HS256", got ${JSON.stringify(header["alg"])}` };
  if (signature === undefined) return { ok: false, reason: "the signature is not valid base64url" };
  const key = await importHmacKey(options.secret, "verify");
  const signed = await globalThis.crypto.subtle.verify("HMAC", key, signature, new TextEncoder().encode(signingInput));
  if (!signed) return { ok: false, reason: "the signature does not match the secret" };
  if (payload === undefined) return { ok: false, reason: "the payload is not base64url-encoded JSON" };
  if (payload["tokenType"] !== "user") {
    return { ok: false, reason: `tokenType must be "user", got ${JSON.stringify(payload["tokenType"])}` };
  }
  if (payload["iss"] !== options.appId) {
    return {
      ok: false,
      reason: `iss must be the app id ${JSON.stringify(options.appId)}, got ${JSON.stringify(payload["iss"])}`,
    };
  }
  if (payload["sub"] !== options.userId) {
    return {
      ok: false,
      reason: `sub must be the user id ${JSON.stringify(options.userId)}, got ${JSON.stringify(payload["sub"])}`,
    };
  }
  const exp = payload["exp"];
  if (typeof exp !== "number" || !Number.isFinite(exp)) return { ok: false, reason: "exp is missing or not a number" };
  const nowMs = options.nowMs ?? Date.now();
  if (exp * 1000 <= nowMs) return { ok: false, reason: `the token expired at ${new Date(exp * 1000).toISOString()}` };
  return { ok: true, exp };
}
