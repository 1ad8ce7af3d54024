/**
 * The DOCX's standalone subsets (src/fonts/font-subset.ts): fonts fontkit reads back, with the
 * characters asked for (and no others), their advances and outlines, the width variants and the
 * single adjustments; deterministic; and cut without touching fontkit or the face's bytes.
 */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { face, fontManifest } from "../../src/fonts/registry.js";
import { standaloneSubset } from "../../src/fonts/font-subset.js";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);
const TEXT = "联合国安全理事会2020年·“”，。、《》ABC xyz Åé ①★𠀋";

describe("standalone subsets", () => {
  for (const { id } of fontManifest()) {
    it(`${id}: a font that has exactly the characters asked for, with the original advances and outlines`, () => {
      const f = face(id);
      const original = fontkit.create(f.bytes) as Fontkit.Font;
      const bytes = standaloneSubset(f.sfnt!, cps(TEXT));
      const sub = fontkit.create(Buffer.from(bytes)) as Fontkit.Font;
      const kept = cps(TEXT).filter((cp) => original.hasGlyphForCodePoint(cp));
      expect(kept.length).toBeGreaterThan(0);
      for (const cp of cps(TEXT)) expect(sub.hasGlyphForCodePoint(cp), `U+${cp.toString(16)}`).toBe(original.hasGlyphForCodePoint(cp));
      expect(sub.hasGlyphForCodePoint("国".codePointAt(0)! + 1)).toBe(false);
      for (const cp of kept) {
        const a = original.glyphForCodePoint(cp);
        const b = sub.glyphForCodePoint(cp);
        expect(b.advanceWidth).toBe(a.advanceWidth);
        expect((b as unknown as { path: { toSVG(): string } }).path.toSVG()).toBe((a as unknown as { path: { toSVG(): string } }).path.toSVG());
      }
      expect(sub.numGlyphs).toBeLessThan(200);
      // the same input, the same bytes
      expect(Buffer.from(standaloneSubset(f.sfnt!, cps(TEXT).reverse())).equals(Buffer.from(bytes))).toBe(true);
    });
  }

  it("keeps the width variants (GSUB) and the half-width adjustments (GPOS) of the Chinese faces", () => {
    const serif = face("serif-sc");
    const sub = fontkit.create(Buffer.from(standaloneSubset(serif.sfnt!, cps("，。“”·（）")))) as Fontkit.Font;
    expect(sub.availableFeatures).toEqual(expect.arrayContaining(["fwid", "hwid", "vert", "halt", "palt"]));
    const original = fontkit.create(serif.bytes) as Fontkit.Font;
    for (const features of [["hwid"], ["halt"], ["palt"], ["fwid"]]) {
      for (const text of ["，", "。", "“", "（", "·"]) expect(sub.layout(text, features).advanceWidth, `${text} ${features}`).toBe(original.layout(text, features).advanceWidth);
    }
  });
});
