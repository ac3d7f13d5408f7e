/**
 * A string equal for two values with the same content, whatever their identity or key order: JSON with every
 * object's keys sorted, functions and `undefined` left out (JSON's rules), and a reference back to an enclosing
 * object written as its depth, so cyclic values (a `ConversationBuilder`) compare by content too. Taken when a value
 * is applied, it is a snapshot: mutating the value afterwards and passing it again is a change.
 */
export function contentKey(value: unknown): string {
  const enclosing: object[] = [];
  const plain = (value: unknown): unknown => {
    if (!value || typeof value != "object") return typeof value == "function" ? undefined : value;
    const { toJSON } = value as { toJSON?: unknown };
    if (typeof toJSON == "function") return plain(toJSON.call(value));
    const depth = enclosing.indexOf(value);
    if (depth >= 0) return { "[cycle]": depth };
    enclosing.push(value);
    const copy = Array.isArray(value)
      ? value.map(plain)
      : Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, plain((value as Record<string, unknown>)[key])]),
        );
    enclosing.pop();
    return copy;
  };
  // Absent (undefined, a function) is "", as JSON.stringify would give no string at all.
  const content = plain(value);
  return content === undefined ? "" : JSON.stringify(content);
}
