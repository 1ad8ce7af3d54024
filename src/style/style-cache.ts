/**
 * The bundled templates' parsed styles, kept on disk by the bundled command (src/disk-cache.ts):
 * parsing style.yaml (YAML, schema check, defaults, layers) is ~8 ms of a cold run, the same every
 * time for the same files and the same code. An entry's name is a hash of
 * - the running bundle's identity (its size and modification time, set by launch-bundle.ts, which
 *   keys the V8 code cache with it too): a rebuilt bundle, that is, changed parsing code, never
 *   reads an entry an older one wrote;
 * - every style file's path and full text.
 * Only the bundled command uses it, and only for styles whose every file is one of the bundled
 * templates' (a user's own style is parsed each time: every edit would leave an entry behind).
 * A Style is plain data (tests/style/style-cache.test.ts checks that it survives JSON as it is).
 */
import { createHash } from "node:crypto";
import { cacheOff, readCached, writeCached } from "../disk-cache.js";
import { BUNDLED_TEMPLATES } from "../package-root.js";
import type { Style } from "./style.js";

/** The running bundle's identity, set by launch-bundle.ts before it runs the bundle (absent outside it). */
const BUNDLE_IDENTITY = Symbol.for("undoc.bundleIdentity");

/** `parse()`'s style, from the disk when the bundled command parsed these bundled files before. */
export function cachedStyle(sources: readonly { file: string; text: string }[], parse: () => Style): Style {
  const id = sources.every((s) => s.file.startsWith(BUNDLED_TEMPLATES)) && !cacheOff() ? (globalThis as Record<symbol, unknown>)[BUNDLE_IDENTITY] : undefined;
  if (typeof id !== "string") return parse();
  const key = createHash("sha1").update(JSON.stringify([id, sources.map((s) => [s.file, s.text])])).digest("hex");
  const name = `style-${key}.json`;
  const cached = readCached(name);
  if (cached) {
    try {
      return JSON.parse(cached.toString("utf8")) as Style;
    } catch {} // a damaged entry: parse again
  }
  const style = parse();
  writeCached(name, Buffer.from(JSON.stringify(style)));
  return style;
}
