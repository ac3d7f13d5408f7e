/**
 * The `exp` (in milliseconds) and `sub` claims of a token that decodes as a JWT; nothing for any other string.
 * Tokens are opaque to us: only a well-formed JWT is looked into, and only to decide when to ask for another.
 */
export function jwtClaims(token: string): { exp?: number; sub?: string } {
  const payload = token.split(".")[1];
  if (token.split(".").length !== 3 || !payload) return {};
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const { exp, sub } = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="))) as Record<
      string,
      unknown
    >;
    return {
      ...(typeof exp === "number" && Number.isFinite(exp) && { exp: exp * 1000 }),
      ...(typeof sub === "string" && { sub }),
    };
  } catch {
    return {};
  }
}
