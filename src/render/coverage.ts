/**
 * Font coverage: every character the document draws must have a glyph in the face it is set in,
 * or the PDF shows an empty box ("tofu") or, worse, nothing: fontkit hands out glyph 0 for an
 * unmapped code point and, depending on the first code point that asked for it in the process,
 * draws it as a box or hides it. So the pipeline checks the model before any writer runs, and a
 * character no embedded face has is a FONT error that lists each such character (U+XXXX and the
 * character) with where it occurs: the field path, file, line and column when it comes from the
 * data, the place in the document when it comes from the templates or locale strings.
 *
 * The text and its spans are layout/roles.ts textPieces, exactly what the writers draw; the faces are the typesetter's (src/typeset/units.ts spanSlot): the Chinese or Latin face of
 * the text's weight, with the other face of that weight as the fallback. Default-ignorable
 * characters (bidi controls, ZWSP, ZWJ, soft hyphen) are not drawn and need no glyph.
 *
 * Right-to-left letters (Arabic, Hebrew, ...) are set by the word composer, which applies the
 * Unicode Bidirectional Algorithm to every line (src/typeset/bidi.ts): any document whose
 * language takes that composer may hold them (an Arabic version, a Hebrew name in an English
 * letter, when a face has the letters). The Chinese composer sets lines left to right only, so
 * in Chinese, Japanese and Korean documents they are still refused, with their own message.
 * Bidi control marks alone are fine.
 */
import { UndocError, type ErrorLocation } from "../errors.js";
import { dataFile, findInData } from "../input/load.js";
import type { UnDocumentData } from "../input/schema.js";
import { uPlus } from "../input/text.js";
import type { Document } from "../model/types.js";
import type { Style } from "../style/style.js";
import { clusterize, faceSerial, missingGlyphs, spanSlot, type ScriptFaces } from "../typeset/units.js";
import { isDefaultIgnorable } from "../typeset/classify.js";
import { usesWordComposer, variantOf, type FaceSet } from "../typeset/index.js";
import type { LocaleStrings } from "../templates/locale.js";
import { textPieces } from "../layout/roles.js";

export interface CoverageSource {
  /** the input file, for messages (default: the file the data was parsed from) */
  file?: string;
  /** the validated data the model was built from: problems are located at its fields and lines */
  data?: UnDocumentData;
  /** the locale and template files: a character that is not in the data is located in them */
  templates?: readonly { file: string; text: string }[];
}

/** File, line and column of the first of `sources` that holds `needle` as it is. */
function findInSources(sources: readonly { file: string; text: string }[], needle: string): { file: string; line: number; column: number } | undefined {
  for (const s of sources) {
    const at = s.text.indexOf(needle);
    if (at < 0) continue;
    const before = s.text.slice(0, at).split("\n");
    return { file: s.file, line: before.length, column: before[before.length - 1].length + 1 };
  }
  return undefined;
}

/** Letters of the scripts written right to left. */
const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
const RTL_LETTER = new RegExp(`(?=\\p{L})${RTL.source}`, "u");

interface Problem {
  codePoint: number;
  /** the cluster it was found in (a combining mark is missing after a particular base) */
  cluster: string;
  kind: "missing" | "rtl";
  where: string;
  faces: string[];
}

/** How a character is shown in a message: combining marks on a dotted circle. */
function shownChar(cp: number): string {
  const ch = String.fromCodePoint(cp);
  return /\p{M}/u.test(ch) ? `◌${ch}` : ch;
}

/**
 * Spans already found fully covered, by faces, Latin preference, composer and text: a warm
 * process checks an unchanged paragraph once. (Only clean spans are kept; a problem is always
 * found again, to be reported with its place.)
 */
const covered = new Set<string>();
const COVERED_LIMIT = 20_000;

function rememberCovered(key: string): void {
  if (covered.size >= COVERED_LIMIT) covered.clear();
  covered.add(key);
}

/**
 * Per pair of faces, Latin preference and composer: for each UTF-16 code unit, 1 when the
 * character alone is a cluster that passes (it has a glyph in the face it is set in, and is no
 * right-to-left letter where those are refused), 2 when it needs the cluster check (a mark, an
 * ignorable, a surrogate, or a problem), 0 when not yet known.
 */
const verdicts = new Map<string, Uint8Array>();

/** Whether every character of `text` passes alone (the common case): one table lookup per character. */
function allCovered(text: string, set: ScriptFaces, preferLatin: boolean, bidi: boolean): boolean {
  // by the faces themselves (a render's face set is a new object; its faces are the process's)
  const which = `${faceSerial(set.cjk)},${faceSerial(set.latin)},${preferLatin ? 1 : 0}${bidi ? 1 : 0}`;
  let table = verdicts.get(which);
  if (!table) verdicts.set(which, (table = new Uint8Array(0x10000)));
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let v = table[code];
    if (v === 0) table[code] = v = verdictOf(String.fromCharCode(code), set, preferLatin, bidi);
    if (v !== 1) return false;
  }
  return true;
}

function verdictOf(ch: string, set: ScriptFaces, preferLatin: boolean, bidi: boolean): number {
  const cp = ch.charCodeAt(0);
  // surrogates, marks and ignorables join clusters: the cluster check decides
  if ((cp >= 0xd800 && cp <= 0xdfff) || isDefaultIgnorable(cp) || /\p{M}/u.test(ch)) return 2;
  if (ch === " " || ch === "\t") return 1;
  if (missingGlyphs(set[spanSlot(ch, set, { preferLatin })], ch).length) return 2;
  return !bidi && RTL_LETTER.test(ch) ? 2 : 1;
}

/**
 * Throws a FONT error when the document draws a character that no embedded face has (or a
 * right-to-left letter). Each distinct character is listed once, at its first occurrence.
 */
export function checkCoverage(model: Document, style: Style, faces: FaceSet, source: CoverageSource = {}): void {
  const problems = new Map<number, Problem>();
  const bidi = usesWordComposer(model.meta.lang);
  for (const piece of textPieces(model, style)) {
    for (const span of piece.spans) {
      const set = faces[variantOf(span.weight, span.italic)];
      const key = `${faceSerial(set.cjk)}|${faceSerial(set.latin)}|${span.preferLatin ? 1 : 0}${bidi ? 1 : 0}|${span.text}`;
      if (covered.has(key)) continue;
      if (allCovered(span.text, set, span.preferLatin === true, bidi)) {
        rememberCovered(key);
        continue;
      }
      let clean = true;
      for (const c of clusterize(span.text)) {
        if (c.text === " " || c.text === "\t") continue; // spaces are drawn as gaps
        const slot = spanSlot(c.text, set, span);
        const missing = missingGlyphs(set[slot], c.text);
        if (missing.length) clean = false;
        for (const cp of missing) {
          if (!problems.has(cp)) problems.set(cp, { codePoint: cp, cluster: c.text, kind: "missing", where: piece.where, faces: [set.cjk.family, set.latin.family] });
        }
        if (!missing.length && !bidi && RTL_LETTER.test(c.text)) {
          const cp = c.text.codePointAt(0)!;
          clean = false;
          if (!problems.has(cp)) problems.set(cp, { codePoint: cp, cluster: c.text, kind: "rtl", where: piece.where, faces: [] });
        }
      }
      if (clean) rememberCovered(key);
    }
  }
  if (problems.size === 0) return;

  const file = source.file ?? (source.data ? dataFile(source.data) : undefined);
  const located = [...problems.values()].map((p) => {
    const inData = source.data ? (findInData(source.data, p.cluster) ?? findInData(source.data, String.fromCodePoint(p.codePoint))) : undefined;
    const inTemplates = inData ? undefined : findInSources(source.templates ?? [], String.fromCodePoint(p.codePoint));
    return { ...p, inData, inTemplates };
  });
  const where = (p: (typeof located)[number]) =>
    p.inData
      ? `${p.inData.path}${p.inData.line ? ` (line ${p.inData.line}${p.inData.column ? `, column ${p.inData.column}` : ""})` : ""}`
      : p.inTemplates
        ? `${p.where} (from ${p.inTemplates.file}, line ${p.inTemplates.line}, column ${p.inTemplates.column})`
        : `${p.where} (text from the templates)`;
  const char = (p: (typeof located)[number]) => `${uPlus(p.codePoint)} "${shownChar(p.codePoint)}"`;
  const missing = located.filter((p) => p.kind === "missing");
  const rtl = located.filter((p) => p.kind === "rtl");
  const faceNames = [...new Set(missing.flatMap((p) => p.faces))].join(", ");
  const first = located[0];
  const hint = missing.length
    ? "replace or remove the character; fonts/manifest.json lists the ranges the embedded fonts cover"
    : "write the name in a left-to-right script (transliterated), or leave it out";
  if (located.length === 1) {
    // one character: the location (file:line:column ... at path) says where
    const what =
      first.kind === "missing"
        ? `no embedded font has the character ${char(first)} (faces: ${faceNames})`
        : `right-to-left text cannot be set in a Chinese, Japanese or Korean document (their lines are set left to right): ${char(first)}`;
    if (first.inData) {
      throw new UndocError("FONT", what, { file: first.inData.file ?? file, line: first.inData.line, column: first.inData.column, path: first.inData.path }, hint);
    }
    // text from a locale string or a template: located there, with the place in the document
    if (first.inTemplates) throw new UndocError("FONT", `${what}, in ${first.where}`, first.inTemplates, hint);
    throw new UndocError("FONT", `${what}, in ${where(first)}`, { file }, hint);
  }
  const LIMIT = 12;
  const list = (ps: typeof located) =>
    ps.slice(0, LIMIT).map((p) => `${char(p)} at ${where(p)}`).join("; ") + (ps.length > LIMIT ? `; and ${ps.length - LIMIT} more` : "");
  const parts: string[] = [];
  if (missing.length) parts.push(`${missing.length} character${missing.length > 1 ? "s" : ""} that no embedded font has (faces: ${faceNames}): ${list(missing)}`);
  if (rtl.length) parts.push(`right-to-left text, which a Chinese, Japanese or Korean document cannot set (its lines are set left to right): ${list(rtl)}`);
  // several characters: the message lists each with its place; the location is the first one's line
  const location: ErrorLocation = first.inData ? { file: first.inData.file ?? file, line: first.inData.line, column: first.inData.column } : (first.inTemplates ?? { file });
  throw new UndocError("FONT", `the document has ${parts.join("; and ")}`, location, hint);
}

function* localeValues(strings: LocaleStrings): Generator<string> {
  for (const v of Object.values(strings)) {
    if (typeof v === "string") yield v;
    else yield* localeValues(v);
  }
}

/**
 * Every string of the language's locale file, whether this document draws it or not (the bullet,
 * a heading used only by annexes): a character that no face of the style has, in any weight, is a
 * FONT error at its line of the locale file, so a locale mistake shows on every document at once.
 */
export function checkLocaleCoverage(locale: { strings: LocaleStrings; file: string; sources: readonly { file: string; text: string }[] }, faces: FaceSet): void {
  const sets = Object.values(faces);
  // a locale passes once per set of faces (a warm process renders many documents in one language)
  const key = sets.map((set) => `${faceSerial(set.cjk)},${faceSerial(set.latin)}`).join(";");
  let passed = localesPassed.get(locale.strings);
  if (passed?.has(key)) return;
  for (const value of localeValues(locale.strings)) {
    for (const c of clusterize(value)) {
      if (/^\s+$/u.test(c.text)) continue;
      if (sets.some((set) => !missingGlyphs(set.cjk, c.text).length || !missingGlyphs(set.latin, c.text).length)) continue;
      const cp = c.text.codePointAt(0)!;
      const at = findInSources(locale.sources, String.fromCodePoint(cp)) ?? { file: locale.file };
      throw new UndocError("FONT", `no embedded font has the character ${uPlus(cp)} "${shownChar(cp)}" of the locale string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`, at,
        "replace or remove the character; fonts/manifest.json lists the ranges the embedded fonts cover");
    }
  }
  if (!passed) localesPassed.set(locale.strings, (passed = new Set()));
  passed.add(key);
}

/** Locale strings found covered, with the faces they were checked against (checkLocaleCoverage). */
const localesPassed = new WeakMap<LocaleStrings, Set<string>>();
