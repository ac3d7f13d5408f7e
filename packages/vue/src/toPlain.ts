import { toRaw } from "vue";

/**
 * Internal: `value` without Vue's proxies at any depth, for TalkJS (it posts options to its iframe, and
 * `structuredClone` refuses a Proxy) and for the core (it compares with what it applied, which must not change under
 * it). Arrays and plain objects holding a proxy are copied, read through the proxy so a watcher tracks every level;
 * anything else is its raw self, and a value holding no proxy is returned as it is (the `talk` module keeps its identity).
 *
 * @example
 * toPlain(reactive({ visible: true })); // { visible: true }, a plain object
 */
export function toPlain(value: unknown, seen = new Set<unknown>()): unknown {
  const raw = toRaw(value);
  const prototype: unknown = raw instanceof Object && Object.getPrototypeOf(raw);
  // Not an array or a plain object, or seen already (a cycle, which TalkJS cannot clone anyway): as it is.
  if ((prototype != Object.prototype && prototype != Array.prototype) || seen.has(raw)) return raw;
  seen.add(raw);
  const copy: Record<string, unknown> = prototype == Object.prototype ? {} : ([] as never);
  let changed = raw !== value;
  for (const key in value as object) {
    const item = (value as Record<string, unknown>)[key];
    changed = (copy[key] = toPlain(item, seen)) !== item || changed;
  }
  return changed ? copy : raw;
}
