import { describe, expect, it } from "vitest";
import { composeParagraph, type ParagraphGeometry } from "../../src/typeset/index.js";
import { MOCK_FACES } from "./mock-faces.js";

// 10 pt text, measure of 10 em unless a test says otherwise
const geo = (over: Partial<ParagraphGeometry> = {}): ParagraphGeometry => ({ size: 10, width: 100, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: "justify", ...over });
const opts = { cjkLatinGapEm: 0.25, compressAdjacentPunctuation: true, hangingPunctuation: true };

function lines(text: string, g: Partial<ParagraphGeometry> = {}, o: Partial<typeof opts> = {}): string[] {
  const p = composeParagraph([{ text, weight: "regular" }], MOCK_FACES, geo(g), { ...opts, ...o });
  return p.lines.map((l) => p.text.slice(l.start, l.end).trimEnd());
}

function composed(text: string, g: Partial<ParagraphGeometry> = {}, o: Partial<typeof opts> = {}) {
  return composeParagraph([{ text, weight: "regular" }], MOCK_FACES, geo(g), { ...opts, ...o });
}

describe("line breaking (clreq §3.2)", () => {
  it("fills lines of the measure, one ideograph per em", () => {
    expect(lines("一二三四五六七八九十甲乙丙丁")).toEqual(["一二三四五六七八九十", "甲乙丙丁"]);
  });

  it("line-start prohibition: a closing quote never starts a line; the last character goes with it", () => {
    expect(lines("一二三四五六七八九十”甲")).toEqual(["一二三四五六七八九", "十”甲"]);
  });

  it("line-start prohibition: the middle dot never starts a line", () => {
    expect(lines("一二三四五六七八九十·甲", {}, { hangingPunctuation: false })).toEqual(["一二三四五六七八九", "十·甲"]);
  });

  it("line-end prohibition: an opening quote never ends a line", () => {
    expect(lines("一二三四五六七八九“甲”")).toEqual(["一二三四五六七八九", "“甲”"]);
  });

  it("hanging punctuation: a comma or full stop that does not fit hangs past the measure", () => {
    const p = composed("一二三四五六七八九十。甲");
    expect(p.lines.map((l) => p.text.slice(l.start, l.end))).toEqual(["一二三四五六七八九十。", "甲"]);
    expect(p.lines[0].hangs).toBe(true);
    expect(p.lines[0].width).toBeCloseTo(110);
  });

  it("without hanging, the comma pulls the previous character to the next line", () => {
    expect(lines("一二三四五六七八九十，甲", {}, { hangingPunctuation: false })).toEqual(["一二三四五六七八九", "十，甲"]);
  });

  it("does not hang a mark that a closing quote must follow", () => {
    expect(lines("一二三四五六七八九十。”甲")).toEqual(["一二三四五六七八九", "十。”甲"]);
  });

  it("never splits a digit run, a Latin word or a document symbol", () => {
    expect(lines("一二三四五六七八2020年")).toEqual(["一二三四五六七八", "2020年"]);
    expect(lines("一二三四五六S/2020/905号")).toEqual(["一二三四五六", "S/2020/905号"]);
  });

  it("never splits a two-em dash or an ellipsis", () => {
    expect(lines("一二三四五六七八九——甲")).toEqual(["一二三四五六七八九", "——甲"]);
    // …… never starts a line (Word's zh-CN list, typeset/kinsoku.ts): the character before it goes along
    expect(lines("一二三四五六七八九……")).toEqual(["一二三四五六七八", "九……"]);
  });

  it("breaks Latin text at spaces", () => {
    expect(lines("aaaa bbbb cccc", { width: 50 })).toEqual(["aaaa bbbb", "cccc"]);
  });

  it("cuts a string longer than a line rather than overflowing the margin", () => {
    const out = lines("x".repeat(45), { width: 100 });
    expect(out).toEqual(["x".repeat(20), "x".repeat(20), "x".repeat(5)]);
  });
});

describe("spacing", () => {
  it("puts a quarter-em gap between ideographs and Latin letters or digits, not at line edges", () => {
    const p = composed("中2020年", { align: "start" });
    const [cjk, digits, nian] = p.lines[0].runs;
    expect(cjk.x).toBe(0);
    expect(digits.x).toBeCloseTo(10 + 2.5);
    expect(nian.x).toBeCloseTo(12.5 + 20 + 2.5);
  });

  it("puts no gap between Chinese punctuation or brackets and digits", () => {
    const p = composed("，2020", { align: "start" });
    expect(p.lines[0].runs[1].x).toBeCloseTo(10);
  });

  it("sets the middle dot of names a full em wide", () => {
    const p = composed("斯文·于尔", { align: "start" });
    expect(p.lines[0].width).toBeCloseTo(50);
  });

  it("compresses adjacent marks to 1.5 em (clreq §3.1.6)", () => {
    const p = composed("甲。”乙", { align: "start" });
    expect(p.lines[0].width).toBeCloseTo(35);
    const off = composed("甲。”乙", { align: "start" }, { compressAdjacentPunctuation: false });
    expect(off.lines[0].width).toBeCloseTo(40);
  });
});

describe("justification and indents", () => {
  it("justifies every line but the last by inter-character spacing", () => {
    const p = composed("一二三四五六七八九“甲乙”");
    const first = p.lines[0];
    expect(first.width).toBeCloseTo(100);
    expect(first.runs).toHaveLength(1);
    expect(first.runs[0].letterSpacing).toBeCloseTo(10 / 8);
    expect(p.lines[1].runs[0].letterSpacing).toBe(0);
  });

  it("indents the first line and narrows its measure", () => {
    const p = composed("一二三四五六七八九十甲乙丙丁", { firstLineIndent: 20 });
    expect(p.lines[0].indent).toBe(20);
    expect(p.text.slice(p.lines[0].start, p.lines[0].end)).toBe("一二三四五六七八");
  });

  it("sets a hanging indent (list items): first line wider than the rest", () => {
    const p = composed("一二三四五六七八九十甲乙丙丁戊", { leftIndent: 30, firstLineIndent: -10 });
    expect(p.lines.map((l) => l.measure)).toEqual([80, 70]);
    expect(p.lines.map((l) => l.indent)).toEqual([20, 30]);
  });

  it("centres and right-aligns", () => {
    expect(composed("一二", { align: "center" }).lines[0].runs[0].x).toBeCloseTo(40);
    expect(composed("一二", { align: "end" }).lines[0].runs[0].x).toBeCloseTo(80);
  });
});

describe("line-edge compression (clreq §3.1.6, optional)", () => {
  it("sets an opening quote at line start half width, into the indent", () => {
    const p = composed("“一二三四五六七八九”甲", {}, { compressLineStart: true, compressLineEnd: true });
    expect(p.lines[0].runs[0].x).toBeCloseTo(-5);
    expect(p.text.slice(p.lines[0].start, p.lines[0].end)).toBe("“一二三四五六七八九”");
    const off = composed("“一二三四五六七八九”甲");
    expect(off.lines[0].runs[0].x).toBe(0);
    expect(off.text.slice(off.lines[0].start, off.lines[0].end)).toBe("“一二三四五六七八");
  });

  it("lets a closing quote end a line half width when that makes it fit", () => {
    const off = composed("一二三四五六七八九。”甲");
    expect(off.text.slice(off.lines[0].start, off.lines[0].end)).toBe("一二三四五六七八");
    const on = composed("一二三四五六七八九。”甲", {}, { compressLineEnd: true });
    expect(on.text.slice(on.lines[0].start, on.lines[0].end)).toBe("一二三四五六七八九。”");
    expect(on.lines[0].width).toBeCloseTo(105); // the quote's blank half reaches past the measure
  });

  it("is off by default, as in Word", () => {
    const p = composed("一二三四五六七八九十”甲");
    expect(p.text.slice(p.lines[0].start, p.lines[0].end)).toBe("一二三四五六七八九");
  });
});

describe("composed paragraphs cached (src/typeset/compose.ts)", () => {
  it("the same text, styling, geometry and options give the same lines, once composed", () => {
    const a = composed("一二三四五六七八九十甲乙丙丁");
    expect(composed("一二三四五六七八九十甲乙丙丁")).toBe(a);
  });

  it("any difference in what the lines depend on composes anew", () => {
    const text = "一二三四五六七八九十甲乙丙丁";
    const base = composed(text);
    expect(composed(text, { width: 80 })).not.toBe(base);
    expect(lines(text, { width: 80 })).toEqual(["一二三四五六七八", "九十甲乙丙丁"]);
    expect(composed(text, { firstLineIndent: 20 })).not.toBe(base);
    expect(composed(text, {}, { hangingPunctuation: false })).not.toBe(base);
    const bold = composeParagraph([{ text, weight: "bold" }], MOCK_FACES, geo(), opts);
    expect(bold).not.toBe(base);
    // the split between spans counts: "ab" + "c" is not "a" + "bc"
    const s1 = composeParagraph([{ text: "一二", weight: "regular" }, { text: "三", weight: "bold" }], MOCK_FACES, geo(), opts);
    const s2 = composeParagraph([{ text: "一", weight: "regular" }, { text: "二三", weight: "bold" }], MOCK_FACES, geo(), opts);
    expect(s1).not.toBe(s2);
  });
});
