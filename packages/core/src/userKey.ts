import type Talk from "talkjs";

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (typeof value !== "object" || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined && typeof field !== "function") sorted[key] = stable(field);
  }
  return sorted;
}

/** A string equal for two users with the same data, whatever their identity or key order. */
export function userKey(user: Talk.User): string {
  return JSON.stringify(stable(user));
}
