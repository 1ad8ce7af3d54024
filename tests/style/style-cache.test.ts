/** The bundled command's disk cache of parsed bundled styles (src/style/style-cache.ts). */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TEMPLATES } from "../../src/render/pipeline.js";
import { loadTemplateSet } from "../../src/templates/engine.js";
import { parseStyleLayers } from "../../src/style/style.js";

const LANGS = ["zh", "en", "fr", "es", "ru", "ar", undefined];

describe("a parsed style", () => {
  it("is plain data: it survives JSON exactly (what the disk cache relies on)", () => {
    for (const lang of LANGS) {
      const style = parseStyleLayers(loadTemplateSet(DEFAULT_TEMPLATES).styleSources(lang));
      expect(JSON.parse(JSON.stringify(style)), String(lang)).toStrictEqual(style);
    }
  });
});

describe("cachedStyle", () => {
  const env = { ...process.env };
  /** launch-bundle.ts's: the running bundle's identity */
  const BUNDLE_IDENTITY = Symbol.for("undoc.bundleIdentity");
  afterEach(() => {
    process.env = { ...env };
    delete (globalThis as Record<symbol, unknown>)[BUNDLE_IDENTITY];
    vi.resetModules();
  });

  /** The module as the bundled command runs it: a bundle of its own (its identity), a cache folder of its own. */
  async function bundled(bundleText = "bundle") {
    const dir = mkdtempSync(join(tmpdir(), "undoc-style-cache-"));
    (globalThis as Record<symbol, unknown>)[BUNDLE_IDENTITY] = `${bundleText.length}-1796100000000`;
    process.env.UNDOC_CACHE_DIR = join(dir, "cache");
    vi.resetModules();
    return { cache: join(dir, "cache"), ...(await import("../../src/style/style-cache.js")) };
  }

  it("parses bundled files once: the next process reads the entry, which equals the parse", async () => {
    const { cache, cachedStyle } = await bundled();
    const sources = loadTemplateSet(DEFAULT_TEMPLATES).styleSources("zh");
    const parse = vi.fn(() => parseStyleLayers(sources));
    const first = cachedStyle(sources, parse);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(readdirSync(cache).filter((f) => f.startsWith("style-"))).toHaveLength(1);
    const again = cachedStyle(sources, parse);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(again).toStrictEqual(first);
    // other text: another key, parsed
    const changed = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\n# edited\n` } : s));
    cachedStyle(changed, parse);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it("never serves an entry to another bundle (other code), a user's style, the unbundled code, or with the cache off", async () => {
    const sources = loadTemplateSet(DEFAULT_TEMPLATES).styleSources("en");
    const parse = vi.fn(() => parseStyleLayers(sources));
    const a = await bundled("bundle one");
    a.cachedStyle(sources, parse);
    const cache = a.cache;
    // a rebuilt bundle (another size): parsed again, though the entry of the first is there
    const b = await bundled("bundle two, rebuilt");
    process.env.UNDOC_CACHE_DIR = cache;
    b.cachedStyle(sources, parse);
    expect(parse).toHaveBeenCalledTimes(2);
    // a style file outside the bundled templates: parsed every time, nothing written
    const user = [{ file: join(tmpdir(), "my-templates", "style.yaml"), text: sources[0]!.text }];
    const before = readdirSync(cache).length;
    b.cachedStyle(user, parse);
    b.cachedStyle(user, parse);
    expect(parse).toHaveBeenCalledTimes(4);
    expect(readdirSync(cache).length).toBe(before);
    // UNDOC_CACHE_DIR=off
    process.env.UNDOC_CACHE_DIR = "off";
    b.cachedStyle(sources, parse);
    expect(parse).toHaveBeenCalledTimes(5);
    // outside the bundle
    delete (globalThis as Record<symbol, unknown>)[BUNDLE_IDENTITY];
    process.env.UNDOC_CACHE_DIR = cache;
    vi.resetModules();
    const { cachedStyle } = await import("../../src/style/style-cache.js");
    cachedStyle(sources, parse);
    expect(parse).toHaveBeenCalledTimes(6);
  });
});
