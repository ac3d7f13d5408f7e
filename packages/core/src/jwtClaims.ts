/**
 * The `exp` (in milliseconds) and `sub` claims of a token that decodes as a JWT; nothing for any other string.
 * Tokens are opaque to us: only a well-formed JWT is looked into, and only to decide when to ask for another.
 */
export function jwtClaims(token: string): { exp?: number | undefined; sub?: string | undefined } {
  const parts = token.split(".");
  try {
    // atob takes unpadded base64; base64url's two other letters are swapped back first.
    const payload = parts.length === 3 ? (parts[1] ?? "") : "";
    const claims: unknown = payload && JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    const { exp, sub } = ((typeof claims === "object" && claims) || {}) as Record<string, unknown>;
    return {
      exp: typeof exp === "number" ? exp * 1000 : undefined,
      sub: typeof sub === "string" ? sub : undefined,
    };
  } catch {
    return {};
  }
}
