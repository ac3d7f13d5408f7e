/**
 * A string equal for two values with the same content, whatever their identity or key order: JSON with every
 * object's keys sorted, functions and `undefined` left out (JSON's rules, `toJSON` included), and an object met a
 * second time written as a mark, so cyclic values (a `ConversationBuilder`) compare by content too. Taken when a
 * value is applied, it is a snapshot: mutating the value afterwards and passing it again is a change.
 */
export function contentKey(value: unknown): string {
  const seen = new Set<unknown>();
  // JSON.stringify gives undefined for an absent value (undefined, a function), although typed as string.
  return (
    JSON.stringify(value, (_, part: unknown) =>
      part && typeof part == "object"
        ? seen.has(part)
          ? "[seen]"
          : (seen.add(part),
            Array.isArray(part) ? part : Object.fromEntries(Object.entries(part).sort(([a], [b]) => (a < b ? -1 : 1))))
        : part,
    ) || ""
  );
}
