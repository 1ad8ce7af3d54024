/**
 * Characters and fonts: no silent tofu. A character no embedded face has is a FONT error that
 * lists it (U+XXXX and the character) with its field, line and column; a character only the
 * other face of the weight has is set in that face (the documented fallback); invisible format
 * characters (bidi marks, ZWSP, soft hyphen) are never drawn, so they never show as boxes.
 */
import { describe, expect, it } from "vitest";
import { UndocError } from "../../src/errors.js";
import { faceSetFor } from "../../src/fonts/face-set.js";
import { checkCoverage } from "../../src/render/coverage.js";
import { parseData } from "../../src/input/load.js";
import type { UnDocumentData } from "../../src/input/schema.js";
import type { Document } from "../../src/model/types.js";
import { buildModel, DEFAULT_TEMPLATES, styleOf } from "../../src/render/pipeline.js";
import { composeParagraph, type ComposedParagraph } from "../../src/typeset/index.js";
import { clusterize, faceFor } from "../../src/typeset/units.js";
import { MINIMAL_YAML } from "../helpers.js";

const style = styleOf(DEFAULT_TEMPLATES);
const faces = faceSetFor(style);

const minimal = MINIMAL_YAML;

function fontError(data: UnDocumentData, model: Document = buildModel(data)): UndocError {
  try {
    checkCoverage(model, style, faces, { data });
  } catch (e) {
    if (e instanceof UndocError) return e;
    throw e;
  }
  throw new Error("expected a FONT error");
}

function compose(text: string, weight: "regular" | "bold" = "regular"): ComposedParagraph {
  return composeParagraph([{ text, weight }], faces, { size: 12, width: 420, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: "justify" }, {
    cjkLatinGapEm: 0.125,
    compressAdjacentPunctuation: true,
    hangingPunctuation: true,
  });
}

/** Every glyph the composed runs draw, by id: 0 is .notdef, the box. */
function glyphIds(p: ComposedParagraph): number[] {
  return p.lines.flatMap((l) => l.runs.flatMap((r) => r.face.font.layout(r.text, r.features).glyphs.map((g) => g.id)));
}

describe("checkCoverage", () => {
  it("the characters these tests use are where the tests expect them", () => {
    const all = [faces.regular.cjk, faces.regular.latin, faces.bold.cjk, faces.bold.latin];
    for (const cp of [0x1f600, 0x20000, 0x0e01]) expect(all.some((f) => f.font.hasGlyphForCodePoint(cp)), `U+${cp.toString(16)}`).toBe(false);
    for (const cp of [0x2460, 0x2605, 0x2606]) {
      expect(faces.regular.latin.font.hasGlyphForCodePoint(cp)).toBe(false);
      expect(faces.regular.cjk.font.hasGlyphForCodePoint(cp)).toBe(true);
    }
    expect(faces.regular.cjk.font.hasGlyphForCodePoint(0x301)).toBe(false);
    expect(faces.regular.latin.font.hasGlyphForCodePoint(0x5e9)).toBe(true); // Hebrew: would be drawn, reversed
  });


  it("passes the bundled example", () => {
    const data = parseData(minimal, "doc.yaml");
    expect(() => checkCoverage(buildModel(data), style, faces, { data })).not.toThrow();
  });

  it("an emoji (astral, in no face): the character, its code and where it is", () => {
    const data = parseData(minimal.replace("第一段。", "第一段😀。"), "doc.yaml");
    const e = fontError(data);
    expect(e.code).toBe("FONT");
    expect(e.detail).toContain('U+1F600 "😀"');
    expect(e.location).toEqual({ file: "doc.yaml", line: 14, column: 10, path: "letter.paragraphs[0]" });
    expect(e.message).toMatch(/^doc\.yaml:14:10: no embedded font has the character U\+1F600 "😀" \(faces: Noto Serif CJK SC, Liberation Serif\) at letter\.paragraphs\[0\]/);
  });

  it("several characters: each listed once with its field and line", () => {
    const text = minimal
      .replace("第一段。", "第一段😀，又😀。")
      .replace("name: 某某", "name: 某𠀀某") // CJK Extension B: no face has it
      .replace("from: 甲", "from: 甲\u0E01"); // Thai: no face
    const e = fontError(parseData(text, "doc.yaml"));
    expect(e.detail).toContain("3 characters that no embedded font has");
    expect(e.detail).toContain('U+1F600 "😀" at letter.paragraphs[0] (line 14, column 10)');
    expect(e.detail).toContain('U+20000 "𠀀" at letter.signature.name (line 17, column 12)');
    expect(e.detail).toContain('U+0E01 "ก" at letter.from (line 11, column 10)');
    expect(e.detail.match(/U\+1F600/g)).toHaveLength(1);
    expect(e.location).toMatchObject({ file: "doc.yaml" });
  });

  it("faces by weight: a character only the bold (heading) face has is fine in a heading, an error in a paragraph", () => {
    // the fonts are subsets: find an ideograph the bold face has and no regular face has
    const regular = [faces.regular.cjk, faces.regular.latin];
    let cp = 0x3400;
    while (cp <= 0x9fff && !(faces.bold.cjk.font.hasGlyphForCodePoint(cp) && regular.every((f) => !f.font.hasGlyphForCodePoint(cp)))) cp++;
    if (cp > 0x9fff) return; // the faces cover the same ideographs: nothing to tell apart
    const ch = String.fromCodePoint(cp);
    const annex = (heading: string, para: string) =>
      `${minimal}annex:\n  title: 附件标题\n  sections:\n    - heading: ${heading}\n      content:\n        - ${para}\n`;
    const ok = parseData(annex(`${ch}导言`, "正文。"), "doc.yaml");
    expect(() => checkCoverage(buildModel(ok), style, faces, { data: ok })).not.toThrow();
    const e = fontError(parseData(annex("导言", `正文${ch}。`), "doc.yaml"));
    expect(e.detail).toContain(`U+${cp.toString(16).toUpperCase()} "${ch}"`);
    expect(e.location).toMatchObject({ line: 23, column: 13, path: "annex.sections[0].content[0]" });
  });

  it("a combining mark its base's face lacks is located at that base", () => {
    const data = parseData(minimal.replace("第一段。", "Cafe\u0301，第\u0301一段。"), "doc.yaml");
    const e = fontError(data);
    expect(e.detail).toContain('U+0301 "◌\u0301"');
    expect(e.location).toMatchObject({ line: 14, column: 13 });
  });

  it("right-to-left letters are refused with their own reason; bidi marks alone are fine", () => {
    const e = fontError(parseData(minimal.replace("name: 某某", "name: 某某 שלום"), "doc.yaml"));
    expect(e.code).toBe("FONT");
    expect(e.detail).toContain("right-to-left");
    expect(e.detail).toContain('U+05E9 "ש"');
    expect(e.detail).toContain("at letter.signature.name (line 17, column 14)");
    const marks = parseData(minimal.replace("- 第一段。", '- "名字\\u200F\\u202B甲\\u202C\\u2067乙\\u2069\\u061C\\u200E。"'), "doc.yaml");
    expect(() => checkCoverage(buildModel(marks), style, faces, { data: marks })).not.toThrow();
  });

  it("text the templates wrote (not in the data) is described by its place", () => {
    const data = parseData(minimal, "doc.yaml");
    const model = buildModel(data);
    model.masthead.distribution[0] = "Distr.: 😀";
    const e = fontError(data, model);
    expect(e.detail).toMatch(/U\+1F600 "😀" .*, in the masthead \(distribution line 1\) \(text from the templates\)$/);
    expect(e.location).toEqual({ file: "doc.yaml" });
  });

  it("works on a model alone (no data): the place in the document", () => {
    const model = buildModel(parseData(minimal));
    const para = model.body.find((b) => b.type === "paragraph")!;
    if (para.type === "paragraph") para.children = [{ type: "strong", children: [{ type: "text", value: "粗体😀" }] }];
    expect(() => checkCoverage(model, style, faces)).toThrow(/U\+1F600 "😀" .*, in body block 2, paragraph "粗体😀"/);
  });
});

describe("the typesetter never draws a box", () => {
  it("characters only the other face has are set in it (the fallback face)", () => {
    // ① ★ ☆ are not in Liberation Serif: set in the Chinese face, not as tofu
    const p = compose("第①条★，Article ① ☆ é à ñ Ω Ж 中文。");
    expect(glyphIds(p)).not.toContain(0);
    const faceOf = (s: string) => faceFor(s, faces.regular).family;
    expect(faceOf("①")).toBe("Noto Serif CJK SC");
    expect(faceOf("★")).toBe("Noto Serif CJK SC");
    expect(faceOf("é")).toBe("Liberation Serif");
    expect(faceOf("中")).toBe("Noto Serif CJK SC");
    expect(faceOf("A")).toBe("Liberation Serif");
  });

  it("bidi controls, ZWSP, ZWJ, soft hyphen and word joiner are not drawn, and stay in the text ranges", () => {
    const text = "\u200F名字\u200Fabc\u200E，\u202Bxyz\u202C \u2067q\u2069 \u061C co\u00ADoperation zero\u200Bwidth\u2060joiner\uFEFF终。";
    const p = compose(text);
    const drawn = p.lines.flatMap((l) => l.runs.map((r) => r.text)).join("");
    expect(drawn).toBe("名字abc，xyzqcooperationzerowidthjoiner终。");
    expect(glyphIds(p)).not.toContain(0);
    // the ranges still cover the whole paragraph, ignorables included
    expect(p.lines[0].start).toBe(0);
    expect(p.lines[p.lines.length - 1].end).toBe(text.length);
  });

  it("a paragraph of only invisible characters sets nothing, without failing", () => {
    expect(compose("\u200E\u200F\u2060").lines).toEqual([]);
    expect(clusterize("\u200Ea\u0301\u200F", 10)).toEqual([{ text: "a\u0301", start: 10, end: 14 }]);
  });

  it("combining marks stay on their base: drawn as the composed letter when the face has it", () => {
    const text = "Cafe\u0301 na\u0308ive Ko\u0308ln H\u0306";
    const p = compose(text);
    expect(glyphIds(p)).not.toContain(0);
    // é, ä, ö are letters of the face; H with a breve has no composed form: base and mark
    expect(p.lines[0].runs.map((r) => r.text).join(" ")).toBe("Café näive Köln H\u0306");
    expect(p.lines[0].end).toBe(text.length);
  });

  it("an unbreakable 2,000-letter string is cut to the measure, nothing lost", () => {
    const long = "A".repeat(2000);
    const p = compose(`开头${long}结尾`);
    const drawn = p.lines.flatMap((l) => l.runs.map((r) => r.text)).join("");
    expect(drawn).toBe(`开头${long}结尾`);
    for (const l of p.lines) expect(l.width).toBeLessThanOrEqual(420 + 1e-6);
    expect(p.lines.length).toBeGreaterThan(30);
    // the string starts on the line where it begins and fills every line (no half-empty line before it)
    const lineText = (n: number) => p.text.slice(p.lines[n].start, p.lines[n].end);
    expect(lineText(0)).toMatch(/^开头A{40,}$/);
    for (let n = 1; n < p.lines.length - 1; n++) expect(p.lines[n].width).toBeGreaterThan(420 - 10);
  });
});
