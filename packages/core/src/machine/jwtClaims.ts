/**
 * The `exp` (in milliseconds) and `sub` claims of a token that decodes as a JWT; nothing for any other string.
 * Tokens are opaque to us: only a well-formed JWT is looked into, and only to decide when to ask for another.
 */
export function jwtClaims(token: string): { exp?: number | undefined; sub?: string | undefined } {
  try {
    // The payload, between the first two dots. atob takes unpadded base64; base64url's two other letters are swapped
    // back first. No payload, or one that is not a JSON object (null, a number), throws or has no claims.
    const { exp, sub } = JSON.parse(atob((token.split(".")[1] as string).replace(/-/g, "+").replace(/_/g, "/"))) as {
      exp?: unknown;
      sub?: unknown;
    };
    return {
      exp: typeof exp == "number" ? exp * 1000 : undefined,
      sub: typeof sub == "string" ? sub : undefined,
    };
  } catch {
    return {};
  }
}
