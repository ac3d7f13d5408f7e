import { encodeBase64Url, encodeJsonBase64Url } from "./base64url.js";
import { importHmacKey } from "./jwt.js";

/**
 * What {@link signTestToken} puts into a token: `iss` = `appId`, `sub` = `userId`, `exp` and `tokenType`.
 * @example
 * const expired: SignTestTokenOptions = { secret: "s3cret", appId: "test-app", userId: "pete", exp: 1 };
 */
export interface SignTestTokenOptions {
  /** The HMAC secret; the same one you give `createFakeTalk({ secret })`. */
  secret: string;
  /** Becomes the `iss` claim. */
  appId: string;
  /** Becomes the `sub` claim. */
  userId: string;
  /** Lifetime from now, in seconds. Default 3600. Ignored when `exp` is given. */
  expiresInSeconds?: number;
  /** An absolute `exp` claim in seconds since the epoch, for expired or odd tokens. */
  exp?: number;
  /** The `tokenType` claim. Default `"user"`, the only type TalkJS accepts for sessions. */
  tokenType?: string;
}

/**
 * Signs a TalkJS-style user token (HS256 JWT with `tokenType`, `iss`, `sub`, `iat`, `exp`) with WebCrypto.
 * Works in Node 20+ and browsers; use it in tests and demo token endpoints, never with a real secret.
 * @example
 * const token = await signTestToken({ secret: "s3cret", appId: "test-app", userId: "pete" });
 * const talk = createFakeTalk({ secret: "s3cret" });
 */
export async function signTestToken(options: SignTestTokenOptions): Promise<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const header = encodeJsonBase64Url({ alg: "HS256", typ: "JWT" });
  const payload = encodeJsonBase64Url({
    tokenType: options.tokenType ?? "user",
    iss: options.appId,
    sub: options.userId,
    iat: nowSeconds,
    exp: options.exp ?? nowSeconds + (options.expiresInSeconds ?? 3600),
  });
  const signingInput = `${header}.${payload}`;
  const key = await importHmacKey(options.secret, "sign");
  const signature = await globalThis.crypto.subtle.sign("HMAC", key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${encodeBase64Url(new Uint8Array(signature))}`;
}
