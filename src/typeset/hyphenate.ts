/**
 * Hyphenation points of words, by Liang's algorithm over the TeX hyph-utf8 pattern sets (the
 * `hyphen` package: one module per language). Patterns are loaded on first use of a language and
 * every word's points are cached, so a document asks the patterns once per distinct word.
 *
 * English is hyphenated with the British patterns (hyph-en-gb): UN English follows Oxford
 * spelling (Editorial Manual: Concise Oxford Dictionary, -ize); "en-US" takes hyph-en-us.
 */
import { createRequire } from "node:module";
import type { LanguageHyphenator } from "hyphen";
import { primaryLanguage } from "./lang.js";

const require = createRequire(import.meta.url);

/** Minimum letters before and after a hyphenation point, and the shortest word hyphenated. */
export interface HyphenationLimits {
  minLeft: number;
  minRight: number;
  minWord: number;
}

/**
 * Per-language limits as TeX's babel sets them (\lefthyphenmin, \righthyphenmin): English and
 * French 2 and 3, Spanish and Russian 2 and 2. Words shorter than 5 letters are never hyphenated.
 */
const LIMITS: Record<string, HyphenationLimits> = {
  en: { minLeft: 2, minRight: 3, minWord: 5 },
  fr: { minLeft: 2, minRight: 3, minWord: 5 },
  es: { minLeft: 2, minRight: 2, minWord: 5 },
  ru: { minLeft: 2, minRight: 2, minWord: 5 },
};
const FALLBACK_LIMITS: HyphenationLimits = { minLeft: 2, minRight: 3, minWord: 5 };

export function hyphenationLimits(lang: string): HyphenationLimits {
  return LIMITS[primaryLanguage(lang)] ?? FALLBACK_LIMITS;
}

/** The pattern module of a language, or undefined when undoc has no patterns for it. */
export function patternModule(lang: string): string | undefined {
  const primary = primaryLanguage(lang);
  if (primary === "en") return /^en-us\b/i.test(lang) ? "en-us" : "en-gb";
  return primary === "fr" || primary === "es" || primary === "ru" ? primary : undefined;
}

const hyphenators = new Map<string, LanguageHyphenator>();
const pointCache = new Map<string, Map<string, readonly number[]>>();
/** Words kept per language before the cache starts over (a long-running process sees endless words). */
const CACHE_LIMIT = 50_000;
const SOFT_HYPHEN = "\u00AD";
const NONE: readonly number[] = Object.freeze([]);

function hyphenator(module: string): LanguageHyphenator {
  let h = hyphenators.get(module);
  if (!h) {
    h = require(`hyphen/${module}/index.js`) as LanguageHyphenator;
    hyphenators.set(module, h);
  }
  return h;
}

/**
 * Offsets (UTF-16, into `word`) before which `word` may be hyphenated, ascending. `word` is
 * letters only (the caller splits at apostrophes, hyphens and punctuation); the limits count code
 * points. Empty for a language without patterns.
 */
export function hyphenationPoints(word: string, lang: string, limits: HyphenationLimits): readonly number[] {
  const module = patternModule(lang);
  if (!module) return NONE;
  let cache = pointCache.get(module);
  if (!cache) pointCache.set(module, (cache = new Map()));
  let raw = cache.get(word);
  if (raw === undefined) {
    raw = rawPoints(word, module);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, raw);
  }
  return withinLimits(word, raw, limits);
}

/** Every point the patterns give (the package keeps at least one letter on each side). */
function rawPoints(word: string, module: string): readonly number[] {
  const marked = hyphenator(module).hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 1 });
  if (marked.length === word.length) return NONE;
  const out: number[] = [];
  let skipped = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked.charCodeAt(i) === 0xad) out.push(i - skipped++);
  }
  return out;
}

function withinLimits(word: string, raw: readonly number[], limits: HyphenationLimits): readonly number[] {
  if (!raw.length) return raw;
  const total = codePoints(word, word.length);
  if (total < limits.minWord) return NONE;
  const out: number[] = [];
  for (const at of raw) {
    const before = codePoints(word, at);
    if (before >= limits.minLeft && total - before >= limits.minRight) out.push(at);
  }
  return out.length === raw.length ? raw : out;
}

/** Code points in word.slice(0, end). */
function codePoints(word: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = word.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // count high surrogates and BMP characters, not low surrogates
  }
  return n;
}
