/**
 * undoc's own reading of the fonts (src/fonts/sfnt.ts, shape.ts, pdf-subset.ts) against fontkit's,
 * on every bundled face: the same metrics, the same glyph for each character, the same layout of
 * text (with the shortcut taken only where no lookup applies) and byte-identical PDF subsets.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { face, fontManifest, type Face } from "../../src/fonts/registry.js";
import { Sfnt } from "../../src/fonts/sfnt.js";
import { advanceOf, hasGlyph, shape } from "../../src/fonts/shape.js";
import { GlyfSubset } from "../../src/fonts/pdf-subset.js";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;
const ids = fontManifest().map((f) => f.id);
/** fontkit's own parse of a face, independent of the registry's */
const fk = (f: Face) => fontkit.create(f.bytes) as Fontkit.Font;

const TEXTS = [
  "联合国安全理事会",
  "“联合国”，。、；：？！（）《》【】",
  "——",
  "……",
  "斯文·于尔根松",
  "S/2020/905",
  "Security Council",
  "AVATAR Tyrannosaurus WAVE",
  "fi fl ff ffi",
  "11 Ta Yo",
  "11",
  "1111",
  "20-11937",
  "(C)",
  "AV",
  "Tyrannosaurus",
  "«Où?»",
  "“Quote”",
  "Привет, Татьяна",
  "ΑΥΤΟΚΙΝΗΤΟ Ταύτα",
  "Wave Yacht",
  "é è ï ñ",
  "e\u0301 a\u0308",
  "Ωμέγα Привет",
  "שלום",
  "مرحبا",
  "①★※",
  "½ 1⁄2",
  "a\u200db",
  "葛\uFE00",
  "𠀋",
  " ",
  "",
];

describe("sfnt: the tables read directly", () => {
  for (const id of ids) {
    it(`${id}: metrics, names and cmap as fontkit reads them`, () => {
      const f = face(id);
      const s = new Sfnt(f.bytes);
      const k = fk(f);
      expect([s.unitsPerEm, s.ascent, s.descent, s.lineGap, s.numGlyphs]).toEqual([k.unitsPerEm, k.ascent, k.descent, k.lineGap, k.numGlyphs]);
      const kk = k as unknown as { bbox: { minX: number; minY: number; maxX: number; maxY: number }; italicAngle: number; capHeight: number; xHeight: number; post: { isFixedPitch: number }; head: { macStyle: { italic: boolean } } };
      expect(s.bbox).toEqual({ minX: kk.bbox.minX, minY: kk.bbox.minY, maxX: kk.bbox.maxX, maxY: kk.bbox.maxY });
      expect([s.italicAngle, s.capHeight, s.xHeight, s.isFixedPitch, s.macStyleItalic]).toEqual([kk.italicAngle, kk.capHeight, kk.xHeight, !!kk.post.isFixedPitch, kk.head.macStyle.italic]);
      expect(s.postscriptName).toBe(k.postscriptName);
      expect(s.familyName).toBe(k.familyName);
      expect(s.cmapSupported).toBe(true);
      // every mapped character, and some that are not
      const set = k.characterSet;
      const step = Math.max(1, Math.floor(set.length / 3000));
      for (let i = 0; i < set.length; i += step) expect(s.glyphId(set[i]), `U+${set[i].toString(16)}`).toBe(k.glyphForCodePoint(set[i]).id);
      for (const cp of [0x1f600, 0x20000, 0xe001, 0x10ffff]) expect(hasGlyph(f, cp)).toBe(k.hasGlyphForCodePoint(cp));
      for (let gid = 0; gid < s.numGlyphs; gid += Math.max(1, Math.floor(s.numGlyphs / 500))) expect(s.advance(gid)).toBe(k.getGlyph(gid).advanceWidth);
    });
  }
});

describe("shape: the same layout as fontkit's", () => {
  for (const id of ids) {
    it(`${id}: glyphs, positions and advance of every test text`, () => {
      const f = face(id);
      const k = fk(f);
      for (const text of TEXTS) {
        for (const features of [[], ["fwid"]]) {
          const want = k.layout(text, features);
          const got = shape(f, text, features);
          // (not the code points: fontkit gives a glyph those of the text it first met it in)
          expect(got.glyphs.map((g) => [g.id, g.advanceWidth]), `${id} "${text}" ${features}`).toEqual(want.glyphs.map((g) => [g.id, g.advanceWidth]));
          expect(got.positions, `${id} "${text}"`).toEqual(want.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })));
          expect(advanceOf(f, text, features)).toBe(want.advanceWidth);
        }
      }
    });
  }

  it("kerns every word of the examples as fontkit does, in every Latin face", () => {
    const words = new Set<string>();
    for (const f of readdirSync("examples").filter((x) => x.endsWith(".yaml"))) {
      for (const w of readFileSync(join("examples", f), "utf8").split(/\s+/)) if (w) words.add(w);
    }
    expect(words.size).toBeGreaterThan(500);
    for (const id of ["latin", "latin-bold", "latin-italic", "latin-bold-italic"]) {
      const f = face(id);
      const k = fk(f);
      for (const w of words) {
        const want = k.layout(w);
        const got = shape(f, w);
        expect(got.glyphs.map((g) => g.id), `${id} "${w}"`).toEqual(want.glyphs.map((g) => g.id));
        expect(got.positions, `${id} "${w}"`).toEqual(want.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })));
      }
    }
  });

  it("sets Chinese text from the tables alone: the face's fontkit parse is never asked for", () => {
    const real = face("serif-sc");
    const stand: Face = {
      ...fontManifest().find((x) => x.id === "serif-sc")!,
      path: real.path,
      bytes: real.bytes,
      sfnt: new Sfnt(real.bytes),
      unitsPerEm: real.unitsPerEm,
      get font(): Fontkit.Font {
        throw new Error("fontkit asked for");
      },
    };
    const k = fk(real);
    for (const text of ["联合国安全理事会", "“联合国”，。", "斯文·于尔根松", "（一）"]) expect(advanceOf(stand, text)).toBe(k.layout(text).advanceWidth);
    // each glyph stands for its own character (the PDF's ToUnicode map)
    expect(shape(stand, "联合国").glyphs.map((g) => g.codePoints)).toEqual([[0x8054], [0x5408], [0x56fd]]);
    // the two-em dash is a ligature in Noto CJK: that one needs the shaper
    expect(() => advanceOf(stand, "——")).toThrow("fontkit asked for");
  });
});

describe("PDF subsets: fontkit's bytes without fontkit", () => {
  for (const id of ids) {
    it(`${id}: byte-identical to fontkit's TTFSubset, and a font fontkit reads back`, () => {
      const f = face(id);
      const k = fk(f);
      const text = "Security Council é è ï Ωμέγα Привет S/2020/905 “联合国安全理事会”，。——……①★ Åå ǻ";
      const gids = [...text].map((ch) => k.glyphForCodePoint(ch.codePointAt(0)!).id);
      const theirs = k.createSubset();
      const ours = new GlyfSubset(f.sfnt!);
      for (const g of gids) expect(ours.includeGlyph(g)).toBe(theirs.includeGlyph(g));
      const bytes = ours.encode();
      expect(Buffer.from(bytes).equals(Buffer.from(theirs.encode()))).toBe(true);
      const back = fontkit.create(Buffer.from(bytes)) as Fontkit.Font;
      expect(back.numGlyphs).toBe(ours.glyphs.length);
      ours.glyphs.forEach((g, i) => expect(back.getGlyph(i).advanceWidth).toBe(k.getGlyph(g).advanceWidth));
    });
  }

  it("leaves the face's own bytes alone", () => {
    const f = face("latin");
    const before = Buffer.from(f.bytes);
    const s = new GlyfSubset(f.sfnt!);
    for (const ch of "Åé") s.includeGlyph(f.sfnt!.glyphId(ch.codePointAt(0)!));
    s.encode();
    expect(Buffer.from(f.bytes).equals(before)).toBe(true);
  });
});
