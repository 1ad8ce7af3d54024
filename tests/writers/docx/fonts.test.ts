/** Font subsets: which code points, what the subset keeps, and the per-process cache. */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { face } from "../../../src/fonts/registry.js";
import { DEFAULT_TEMPLATES, styleOf } from "../../../src/render/pipeline.js";
import { codePointsByWeight, faceSubset, fontPlaceholder, placeholderIndex } from "../../../src/writers/docx/fonts.js";
import { smallModel } from "./helpers.js";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;
const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe("code points", () => {
  it("collects the text at each weight, with the page-number digits and the bullet", () => {
    const style = styleOf(DEFAULT_TEMPLATES);
    const { regular, bold } = codePointsByWeight(smallModel(), style);
    for (const cp of cps("正文强调不缩进一二某某大使99-00001 (C)")) expect(regular.has(cp)).toBe(true);
    for (const cp of cps("标题加粗ABC小节新页联合国安全理事会S/2099/10123456789")) expect(bold.has(cp)).toBe(true);
    expect(regular.has("•".codePointAt(0)!)).toBe(true);
    expect(regular.has("加".codePointAt(0)!)).toBe(false);
  });
});

describe("subsets", () => {
  const serif = face("serif-sc");
  const set = new Set(cps("安全理事会2020年·“”，。ABC"));

  it("keeps the glyphs asked for, TrueType outlines, the family name and the width features", () => {
    const bytes = faceSubset(serif, set);
    expect(bytes.length).toBeLessThan(60_000);
    expect([...bytes.slice(0, 4)]).toEqual([0, 1, 0, 0]);
    const sub = fontkit.create(Buffer.from(bytes)) as Fontkit.Font;
    expect(sub.familyName).toBe(serif.family);
    for (const cp of set) expect(sub.hasGlyphForCodePoint(cp)).toBe(true);
    expect(sub.hasGlyphForCodePoint("国".codePointAt(0)!)).toBe(false);
    expect(sub.availableFeatures).toEqual(expect.arrayContaining(["fwid", "hwid"]));
    // the full-width middle dot (fwid) survives the subset: 1 em
    expect(sub.layout("·", ["fwid"]).advanceWidth).toBe(sub.unitsPerEm);
  });

  it("cuts each (face, code points) subset once", () => {
    expect(faceSubset(serif, new Set(set))).toBe(faceSubset(serif, set));
    expect(faceSubset(serif, new Set([...set, 0x56fd]))).not.toBe(faceSubset(serif, set));
  });

  it("hands docx placeholders it can recognise", () => {
    expect(placeholderIndex(fontPlaceholder(3))).toBe(3);
    expect(placeholderIndex(new Uint8Array(64))).toBeUndefined();
  });
});
