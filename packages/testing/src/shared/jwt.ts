import { decodeBase64Url, decodeJsonBase64Url } from "./base64url.js";

/** The parts of a compact JWS, decoded as far as they decode. */
export interface DecodedJwt {
  header: Record<string, unknown> | undefined;
  payload: Record<string, unknown> | undefined;
  signingInput: string;
  signature: Uint8Array<ArrayBuffer> | undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [header = "", payload = "", signature = ""] = parts;
  return {
    header: asRecord(decodeJsonBase64Url(header)),
    payload: asRecord(decodeJsonBase64Url(payload)),
    signingInput: `${header}.${payload}`,
    signature: decodeBase64Url(signature),
  };
}

/** The `exp` claim (seconds) of a token that decodes as a JWT, without checking its signature. */
export function readTokenExpiry(token: string): number | undefined {
  const exp = decodeJwt(token)?.payload?.["exp"];
  return typeof exp === "number" && Number.isFinite(exp) ? exp : undefined;
}

export function importHmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  // lib.dom types `crypto.subtle` as always there, but runtimes without Web Crypto or a secure context lack it.
  const { crypto } = globalThis as { crypto?: Partial<Pick<Crypto, "subtle">> };
  const subtle = crypto?.subtle;
  if (subtle === undefined) {
    throw new Error("[TalkJS fake] JWT helpers need globalThis.crypto.subtle (Node 20+ or a secure browser context).");
  }
  return subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);
}
