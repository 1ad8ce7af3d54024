/**
 * Right-to-left text in the word composer: UAX #9 levels per paragraph, each line reordered on
 * its own (L2), brackets mirrored (L4), and positions measured from the right edge in a
 * right-to-left frame. The expected orders are written out by hand from the rules, not computed
 * with the library the typesetter uses.
 */
import { describe, expect, it } from "vitest";
import { face } from "../../src/fonts/registry.js";
import { composeParagraph, type ComposedLine, type ComposeOptions, type FaceSet, type ParagraphGeometry } from "../../src/typeset/index.js";
import { embeddingLevels, firstStrongDirection, visualOrder } from "../../src/typeset/bidi.js";

const amiri = face("arabic");
const amiriBold = face("arabic-bold");
const cjk = face("serif-sc");
const ARABIC: FaceSet = { regular: { cjk, latin: amiri }, bold: { cjk, latin: amiriBold }, italic: { cjk, latin: amiri }, boldItalic: { cjk, latin: amiriBold } };
const latin = face("latin");
const LATIN: FaceSet = { regular: { cjk, latin }, bold: { cjk, latin }, italic: { cjk, latin }, boldItalic: { cjk, latin } };

const base: ComposeOptions = { cjkLatinGapEm: 0.125, compressAdjacentPunctuation: true, hangingPunctuation: true };
const geo = (over: Partial<ParagraphGeometry> = {}): ParagraphGeometry => ({ size: 14, width: 2000, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: "start", ...over });

function compose(text: string, o: Partial<ComposeOptions> = {}, g: Partial<ParagraphGeometry> = {}, faces = ARABIC) {
  return composeParagraph([{ text, weight: "regular" }], faces, geo(g), { ...base, lang: "ar", direction: "rtl", ...o });
}

const width = (r: ComposedLine["runs"][number]) => r.advance + r.letterSpacing * Math.max(0, [...r.text].length - 1);

/**
 * The logical texts of a line's runs from the left of the page to the right. In a right-to-left
 * frame a run's x is measured from the line's right edge to the run's right edge.
 */
function leftToRight(line: ComposedLine, text: string, rtl = true): string[] {
  const left = (r: ComposedLine["runs"][number]) => (rtl ? line.measure - r.x - width(r) : r.x);
  return [...line.runs].sort((a, b) => left(a) - left(b)).map((r) => text.slice(r.start, r.end));
}

describe("UAX #9 L2: reversing runs of levels", () => {
  it("reverses from the highest level to the lowest odd one", () => {
    expect(visualOrder([0, 0, 0])).toEqual([0, 1, 2]);
    expect(visualOrder([1, 1, 1])).toEqual([2, 1, 0]);
    // Arabic, a Latin phrase (level 2), Arabic: the phrase keeps its own order
    expect(visualOrder([1, 2, 2, 2, 1])).toEqual([4, 1, 2, 3, 0]);
    // the lowest odd level counts even when no item has it: [0, 2, 2] reads as it is
    expect(visualOrder([0, 2, 2])).toEqual([0, 1, 2]);
    expect(visualOrder([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
  });

  it("resolves levels once per paragraph, and left-to-right text without right-to-left letters has none", () => {
    expect(embeddingLevels("Human rights", "ltr")).toBeNull();
    const l = embeddingLevels("قرار 2020", "rtl")!;
    expect([...l]).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2]); // digits are raised to 2 (I2), the space between stays 1 (N1, N2)
    expect(firstStrongDirection("20-11937 (A)")).toBe("ltr");
    expect(firstStrongDirection("مجلس الأمن")).toBe("rtl");
    expect(firstStrongDirection("2/4")).toBeUndefined();
  });
});

describe("a right-to-left paragraph", () => {
  it("orders a document symbol, Arabic words and digits as UAX #9 says", () => {
    const text = "الوثيقتان S/2020/905 and S/2020/906 المؤرختان 14 أيلول/سبتمبر 2020";
    const p = compose(text);
    expect(p.lines).toHaveLength(1);
    // read right to left: الوثيقتان, then the Latin phrase (level 2, left to right inside), المؤرختان,
    // 14, أيلول/سبتمبر, 2020 — so from the left:
    expect(leftToRight(p.lines[0], text)).toEqual(["2020", "أيلول/سبتمبر", "14", "المؤرختان", "S/2020/905", "and", "S/2020/906", "الوثيقتان"]);
    // the symbol and the digits are left to right inside (even levels), the words right to left
    const bySource = new Map(p.lines[0].runs.map((r) => [text.slice(r.start, r.end), r]));
    expect(bySource.get("S/2020/905")!.level).toBe(2);
    expect(bySource.get("14")!.level).toBe(2);
    expect(bySource.get("and")!.level).toBe(2);
    expect(bySource.get("الوثيقتان")!.level).toBe(1);
  });

  it("keeps a number grouped with no-break spaces whole (CS, W4), where ordinary spaces would split it (N1)", () => {
    const grouped = "بلغ 1\u00A0234 طلبا";
    expect(leftToRight(compose(grouped).lines[0], grouped)).toEqual(["طلبا", "1", "234", "بلغ"]);
    const spaced = "بلغ 1 234 طلبا";
    expect(leftToRight(compose(spaced).lines[0], spaced)).toEqual(["طلبا", "234", "1", "بلغ"]);
  });

  it("keeps a Latin phrase in its own order, its words spaced as in Latin text", () => {
    const text = "منظمة Human Rights Watch غير حكومية";
    const p = compose(text);
    expect(leftToRight(p.lines[0], text)).toEqual(["حكومية", "غير", "Human", "Rights", "Watch", "منظمة"]);
  });

  it("mirrors brackets at odd levels (L4) and splits a word where its level changes", () => {
    const text = "جائحة (كوفيد-19) اليوم";
    const p = compose(text);
    const runs = p.lines[0].runs;
    // "(كوفيد-" at level 1, "19" at level 2, ")" at level 1: three runs of one word
    const pieces = runs.map((r) => ({ src: text.slice(r.start, r.end), drawn: r.text, level: r.level }));
    expect(pieces).toContainEqual({ src: "19", drawn: "19", level: 2 });
    const open = pieces.find((x) => x.src.startsWith("("))!;
    expect(open.level).toBe(1);
    expect(open.drawn.startsWith(")")).toBe(true); // U+0028 drawn as its mirror U+0029
    expect(pieces.find((x) => x.src === ")")!.drawn).toBe("(");
    // from the left: ")" then 19 then "(كوفيد-", all right of "اليوم" and left of "جائحة"
    expect(leftToRight(p.lines[0], text)).toEqual(["اليوم", ")", "19", "(كوفيد-", "جائحة"]);
  });

  it("sets lines from the right edge: start alignment is the right edge, justified lines fill the measure", () => {
    const text = "وأكون ممتنا لو عممت هذه الرسالة ومرفقها بوصفهما وثيقة من وثائق مجلس الأمن وأكون ممتنا لو عممت هذه الرسالة";
    const p = compose(text, {}, { width: 300, align: "justify" });
    expect(p.lines.length).toBeGreaterThan(1);
    for (const [n, line] of p.lines.entries()) {
      const right = Math.min(...line.runs.map((r) => r.x)); // distance of the rightmost glyph from the right edge
      expect(right).toBeCloseTo(0, 6);
      const left = Math.max(...line.runs.map((r) => r.x + width(r)));
      if (n < p.lines.length - 1) expect(left).toBeCloseTo(line.measure, 6);
      else expect(left).toBeLessThan(line.measure);
      // the first word of the line is its rightmost run
      const first = line.runs.reduce((a, b) => (a.start < b.start ? a : b));
      expect(first.x).toBeCloseTo(0, 6);
    }
    // no letter spacing in Arabic: it would tear joined letters apart
    expect(p.lines.flatMap((l) => l.runs).every((r) => r.letterSpacing === 0)).toBe(true);
  });

  it("sets a Latin furniture text in its own direction when asked (P2, P3), still from the right edge", () => {
    const text = "16 September 2020";
    const own = compose(text, { autoDirection: true });
    expect(leftToRight(own.lines[0], text)).toEqual(["16", "September", "2020"]);
    // in the document's direction the digits before a Latin word go to the right (N1: numbers count as R)
    const doc = compose(text);
    expect(leftToRight(doc.lines[0], text)).toEqual(["September", "2020", "16"]);
  });

  it("shapes joining letters into their contextual forms", () => {
    const word = "مجلس";
    const p = compose(word);
    const run = p.lines[0].runs[0];
    const shaped = run.face.font.layout(run.text, run.features).glyphs.map((g) => g.id);
    const nominal = [...word].map((ch) => amiri.font.glyphForCodePoint(ch.codePointAt(0)!).id).reverse();
    expect(shaped).toHaveLength(4);
    // every letter of a joined word takes an initial, medial or final form, not its isolated one
    shaped.forEach((id, i) => expect(id, `glyph ${i}`).not.toBe(nominal[i]));
  });
});

describe("left-to-right documents", () => {
  it("set a paragraph without right-to-left letters exactly as before (no levels, nothing reordered)", () => {
    const p = composeParagraph([{ text: "Letter dated 14 September 2020 (see annex)", weight: "regular" }], LATIN, geo({ size: 10 }), { ...base, lang: "en" });
    expect(p.lines[0].runs.every((r) => r.level === undefined)).toBe(true);
    const xs = p.lines[0].runs.map((r) => r.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it("reorder a Hebrew name inside an English line (a face that has the letters)", () => {
    const text = "The name שלום עולם was cited";
    const p = composeParagraph([{ text, weight: "regular" }], LATIN, geo({ size: 10 }), { ...base, lang: "en" });
    expect(leftToRight(p.lines[0], text, false)).toEqual(["The", "name", "עולם", "שלום", "was", "cited"]);
  });
});
