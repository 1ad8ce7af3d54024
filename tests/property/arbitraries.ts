/**
 * Random documents for the property tests: random structure (letter, optional annex with
 * sections, headings, paragraphs and bullet lists) and random Unicode text drawn from what the
 * embedded faces can show: CJK ideographs and punctuation, Latin letters (accented, and with
 * combining marks the Latin face has), Greek, Cyrillic, digits, ASCII punctuation, spaces, the
 * no-break and ideographic spaces, characters only the Chinese face has (① ★) and invisible
 * bidi marks. Code points that share a glyph with another in the repertoire are left out: a PDF
 * maps a glyph back to one character, so text extraction could not tell them apart.
 */
import fc from "fast-check";
import type { UnDocumentData } from "../../src/input/schema.js";
import type { FaceSet } from "../../src/typeset/index.js";
import { faceFor } from "../../src/typeset/units.js";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The code points of `cps` that each weight's face draws with a glyph no other of them uses. */
function distinctGlyphs(cps: number[], faces: FaceSet): Set<number> {
  const uniqueIn = (weight: "regular" | "bold") => {
    const byGlyph = new Map<string, number[]>();
    for (const cp of cps) {
      const f = faceFor(String.fromCodePoint(cp), faces[weight]);
      if (!f.font.hasGlyphForCodePoint(cp)) continue;
      const key = `${f.id}:${f.font.glyphForCodePoint(cp).id}`;
      byGlyph.set(key, [...(byGlyph.get(key) ?? []), cp]);
    }
    return new Set([...byGlyph.values()].filter((v) => v.length === 1).flat());
  };
  const regular = uniqueIn("regular");
  const bold = uniqueIn("bold");
  return new Set(cps.filter((cp) => regular.has(cp) && bold.has(cp)));
}

export interface Repertoire {
  cjk: number[];
  punctuation: string[];
  latin: number[];
  marks: number[];
  /** a Latin letter with a combining mark that has a composed form in the Latin faces (e + U+0301) */
  marked: string[];
  symbols: string[];
}

export function repertoire(faces: FaceSet): Repertoire {
  const cjk = range(0x4e00, 0x9fa5);
  const latin = [...range(0x41, 0x5a), ...range(0x61, 0x7a), ...range(0x30, 0x39), ...range(0xc0, 0xff).filter((c) => c !== 0xd7 && c !== 0xf7), ...range(0x391, 0x3a9).filter((c) => c !== 0x3a2), ...range(0x3b1, 0x3c9), ...range(0x410, 0x44f)];
  const punctuation = [..."，。、；：！？“”‘’（）《》【】…—·"].map((c) => c.codePointAt(0)!);
  const symbols = [...",.;:!?()[]-/'\"&<>@#%+=*_~{}|$①②③★☆→"].map((c) => c.codePointAt(0)!);
  // one check over everything: a glyph shared across the lists (Latin A and Greek Alpha) counts too
  const ok = distinctGlyphs([...cjk, ...latin, ...punctuation, ...symbols], faces);
  const marks = [0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x308, 0x30a, 0x30c, 0x327].filter((m) => faces.regular.latin.font.hasGlyphForCodePoint(m) && faces.bold.latin.font.hasGlyphForCodePoint(m));
  const chars = (cps: number[]) => cps.filter((c) => ok.has(c)).map((c) => String.fromCodePoint(c));
  // Letters with marks as authors type them (decomposed), limited to those with a composed form
  // the faces have: the typesetter draws that form. A mark with no composed form is drawn over its
  // base correctly, but pdftotext may read it back before the base at a line start (a reader
  // artefact), so the text comparison could not hold for it.
  const marked: string[] = [];
  for (const base of "AEIOUCNaeiouycnsz") {
    for (const m of marks) {
      const s = base + String.fromCodePoint(m);
      const nfc = s.normalize("NFC");
      if ([...nfc].length === 1 && ok.has(nfc.codePointAt(0)!)) marked.push(s);
      else if ([...nfc].length === 1 && faces.regular.latin.font.hasGlyphForCodePoint(nfc.codePointAt(0)!) && faces.bold.latin.font.hasGlyphForCodePoint(nfc.codePointAt(0)!)) marked.push(s);
    }
  }
  return { cjk: cjk.filter((c) => ok.has(c)), latin: latin.filter((c) => ok.has(c)), marks, marked, punctuation: chars(punctuation), symbols: chars(symbols) };
}

/** Invisible format characters the typesetter does not draw (bidi marks, ZWSP, word joiner, soft hyphen). */
export const INVISIBLE = ["\u200E", "\u200F", "\u200B", "\u2060", "\u00AD", "\u2066", "\u2069"];

const pick = (list: number[]) => fc.integer({ min: 0, max: list.length - 1 }).map((i) => String.fromCodePoint(list[i]));

/** One token of text; a text is a run of them. */
export function token(r: Repertoire, withInvisible = true): fc.Arbitrary<string> {
  const cjkRun = fc.array(pick(r.cjk), { minLength: 1, maxLength: 12 }).map((a) => a.join(""));
  const latinWord = fc.array(pick(r.latin), { minLength: 1, maxLength: 10 }).map((a) => a.join(""));
  const marked = fc.constantFrom(...r.marked);
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { arbitrary: cjkRun, weight: 8 },
    { arbitrary: latinWord, weight: 5 },
    { arbitrary: fc.constantFrom(...r.punctuation), weight: 4 },
    { arbitrary: fc.constant(" "), weight: 3 },
    { arbitrary: fc.constantFrom(...r.symbols), weight: 2 },
    { arbitrary: marked, weight: 1 },
    { arbitrary: fc.constantFrom("\u00A0", "\u3000", "\t"), weight: 1 },
  ];
  if (withInvisible) arbs.push({ arbitrary: fc.constantFrom(...INVISIBLE), weight: 1 });
  return fc.oneof(...arbs);
}

/** Text of 1..max tokens that is not only white space or invisible characters. */
export function text(r: Repertoire, max = 30, withInvisible = true): fc.Arbitrary<string> {
  return fc
    .array(token(r, withInvisible), { minLength: 1, maxLength: max })
    .map((t) => t.join(""))
    .filter((s) => s.replace(/[\s\u00AD\u200B-\u200F\u2060-\u206F]/gu, "").length > 0);
}

export function documentData(r: Repertoire, size: { paragraphs?: number; sections?: number } = {}): fc.Arbitrary<UnDocumentData> {
  const t = (max = 30) => text(r, max);
  const content = fc.oneof({ arbitrary: t(60), weight: 3 }, { arbitrary: fc.record({ bullets: fc.array(t(25), { minLength: 1, maxLength: 4 }) }), weight: 1 });
  const section = fc.record({ heading: fc.option(t(8), { nil: undefined }), content: fc.array(content, { minLength: 1, maxLength: size.paragraphs ?? 4 }) }, { requiredKeys: ["content"] });
  const date = fc.tuple(fc.integer({ min: 1946, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  return fc
    .record({
      meta: fc.record({
        symbol: fc.stringMatching(/^[A-Z][A-Za-z0-9.()/-]{0,16}$/),
        organ: t(6),
        distribution: fc.constantFrom("general", "limited", "restricted"),
        issued: date,
        language: fc.constantFrom("zh", "en"),
        original: fc.constantFrom("ar", "zh", "en", "fr", "ru", "es"),
        jobNumber: fc.stringMatching(/^\d{2}-\d{5}$/),
      }),
      letter: fc.record(
        {
          date,
          from: t(6),
          to: t(6),
          title: fc.option(t(10), { nil: undefined }),
          paragraphs: fc.array(t(60), { minLength: 1, maxLength: size.paragraphs ?? 4 }),
          signature: fc.record({ titles: fc.array(t(4), { maxLength: 3 }), name: t(4), signed: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ["titles", "name"] }),
        },
        { requiredKeys: ["date", "from", "to", "paragraphs", "signature"] },
      ),
      annex: fc.option(
        fc.record({ heading: fc.option(t(8), { nil: undefined }), title: t(10), sections: fc.array(section, { minLength: 1, maxLength: size.sections ?? 3 }) }, { requiredKeys: ["title", "sections"] }),
        { nil: undefined },
      ),
    }, { requiredKeys: ["meta", "letter"] })
    .map((d) => JSON.parse(JSON.stringify(d)) as UnDocumentData); // drop the undefined optionals
}

/** Every text field of the data with its path, in document order. */
export function textFields(d: UnDocumentData): Array<{ path: string; get: () => string; set: (v: string) => void }> {
  const out: Array<{ path: string; get: () => string; set: (v: string) => void }> = [];
  const at = <T extends Record<string | number, unknown>>(obj: T, key: keyof T & (string | number), path: string) =>
    out.push({ path, get: () => obj[key] as string, set: (v) => ((obj as Record<string | number, unknown>)[key] = v) });
  at(d.meta, "organ", "meta.organ");
  at(d.letter, "from", "letter.from");
  at(d.letter, "to", "letter.to");
  if (d.letter.title !== undefined) at(d.letter, "title", "letter.title");
  d.letter.paragraphs.forEach((_, i) => at(d.letter.paragraphs, i, `letter.paragraphs[${i}]`));
  d.letter.signature.titles.forEach((_, i) => at(d.letter.signature.titles, i, `letter.signature.titles[${i}]`));
  at(d.letter.signature, "name", "letter.signature.name");
  if (d.annex) {
    const a = d.annex;
    if (a.heading !== undefined) at(a, "heading", "annex.heading");
    at(a, "title", "annex.title");
    a.sections.forEach((s, i) => {
      if (s.heading !== undefined) at(s, "heading", `annex.sections[${i}].heading`);
      s.content.forEach((c, j) => {
        if (typeof c === "string") at(s.content, j, `annex.sections[${i}].content[${j}]`);
        else c.bullets.forEach((_, k) => at(c.bullets, k, `annex.sections[${i}].content[${j}].bullets[${k}]`));
      });
    });
  }
  return out;
}
