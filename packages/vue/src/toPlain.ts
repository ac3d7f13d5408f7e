import { toRaw } from "vue";

/**
 * Internal: `value` without Vue's proxies at any depth, for TalkJS (it posts options to its iframe, and
 * `structuredClone` refuses a Proxy) and for the core (it compares with what it applied, which must not change under
 * it). Arrays and plain objects holding a proxy are copied, read through the proxy so a watcher tracks every level;
 * anything else is its raw self, and a value holding no proxy is returned as it is.
 *
 * @example
 * toPlain(reactive({ visible: true })); // { visible: true }, a plain object
 */
export function toPlain(value: unknown, path = new Set<object>()): unknown {
  const raw: unknown = toRaw(value);
  if (!raw || typeof raw != "object") return raw;
  const prototype: unknown = Object.getPrototypeOf(raw);
  // Not an array or a plain object, or a cycle (which TalkJS cannot clone anyway): as it is.
  if ((!Array.isArray(raw) && prototype !== Object.prototype && prototype !== null) || path.has(raw)) return raw;
  path.add(raw);
  const copy = (Array.isArray(raw) ? [] : {}) as Record<string, unknown>;
  let changed = raw !== value;
  for (const key of Object.keys(value as object)) {
    const item = (value as Record<string, unknown>)[key];
    copy[key] = toPlain(item, path);
    changed ||= copy[key] !== item;
  }
  path.delete(raw);
  return changed ? copy : raw;
}
