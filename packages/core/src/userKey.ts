import type Talk from "talkjs";

/**
 * A string equal for two users with the same data, whatever their identity or key order: JSON with every object's
 * keys sorted (JSON already leaves out `undefined` and functions).
 */
export const userKey = (user: Talk.User): string =>
  JSON.stringify(user, (_, value: unknown) =>
    value && typeof value == "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
