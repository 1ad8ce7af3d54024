import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { mergeStyle } from "../../src/style/merge.js";
import { parseStyle, resolvedParagraph } from "../../src/style/style.js";
import { wordComposeOptions } from "../../src/style/word-options.js";
import { DEFAULT_TEMPLATES, styleOf } from "../../src/render/pipeline.js";

const dir = new URL("../../templates/un-letter/", import.meta.url);
const base = parseStyle(readFileSync(new URL("style.yaml", dir), "utf8"), "style.yaml");

describe("mergeStyle", () => {
  it("merges objects key by key and replaces everything else", () => {
    const merged = mergeStyle({ a: { b: 1, c: [1, 2] }, d: "x" }, { a: { c: [3] }, e: true });
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: "x", e: true });
  });

  it("changes neither input and never writes a prototype", () => {
    const b = { a: { b: 1 } };
    const o = JSON.parse('{"a": {"b": 2}, "__proto__": {"polluted": true}}');
    const merged = mergeStyle(b, o) as Record<string, unknown>;
    expect(b).toEqual({ a: { b: 1 } });
    expect(merged.a).toEqual({ b: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

describe("the per-language styles", () => {
  for (const lang of ["en", "fr", "es", "ru"]) {
    it(`style.${lang}.yaml holds only overrides that give a valid style`, () => {
      const over = parse(readFileSync(new URL(`style.${lang}.yaml`, dir), "utf8"));
      expect(over.page).toBeUndefined();
      // the layers as the pipeline reads them: style.yaml, style.en.yaml, and the language's own when it extends English
      const style = styleOf(DEFAULT_TEMPLATES, lang);
      expect(style.text.size).toBe(10);
      expect(resolvedParagraph(style, "body").firstLineIndentEm).toBe(0);
      expect(style.masthead).toEqual(base.masthead); // untouched parts stay the base's
      expect(wordComposeOptions(style, lang)).toMatchObject({ lang, hyphenate: true, lineBreaking: "optimum", maxConsecutiveHyphens: 3, wordSpaceMinEm: 0.2, wordSpaceMaxEm: 0.375, hyphenationZone: 18 });
    });
  }

  it("the base style passes no word-composer settings (Chinese unchanged)", () => {
    expect(wordComposeOptions(base, undefined)).toEqual({});
  });
});
