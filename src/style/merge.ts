/**
 * Layered style: a base style.yaml and per-language overrides (style.<lang>.yaml) that hold only
 * the keys that differ. mergeStyle deep-merges an override into a base: objects merge key by key,
 * anything else (numbers, strings, lists) replaces the base value. Neither input is changed.
 */
export type StyleLayer = { [key: string]: unknown };

function isPlainObject(v: unknown): v is StyleLayer {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function mergeStyle<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const out: StyleLayer = { ...base };
  for (const key of Object.keys(override)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue; // never reach a prototype
    const value = override[key];
    out[key] = isPlainObject(out[key]) && isPlainObject(value) ? mergeStyle(out[key], value) : value;
  }
  return out as T;
}
