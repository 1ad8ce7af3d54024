/** Block handlers: every block type renders, styles per role, inline runs, and spacing added up as the PDF does. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Block } from "../../../src/model/types.js";
import { defaultStyle, docxOf, modelWith, ONE_OF_EACH, paragraphsIn, paragraphTexts, parts, smallModel, styleOfPara, textOf } from "./helpers.js";

let doc: string;
let paras: string[];

beforeAll(async () => {
  doc = parts(await docxOf(smallModel())).xml["word/document.xml"];
  paras = paragraphsIn(doc);
});

const before = (p: string) => /<w:spacing w:before="(\d+)"\/>/.exec(p)?.[1];

describe("every block type", () => {
  it("renders each block type of the model (the record of samples is keyed by the type union)", async () => {
    for (const [type, block] of Object.entries(ONE_OF_EACH)) {
      const body: Block[] = [{ type: "paragraph", children: [{ type: "text", value: "前文" }] }, block, { type: "paragraph", children: [{ type: "text", value: "后文" }] }];
      const xml = parts(await docxOf(modelWith(body))).xml["word/document.xml"];
      const texts = paragraphTexts(xml).join("|");
      expect(texts, type).toContain("前文");
      expect(texts, type).toContain("后文");
    }
    const all = parts(await docxOf(modelWith(Object.values(ONE_OF_EACH)))).xml["word/document.xml"];
    const styles = paragraphsIn(all).map(styleOfPara);
    for (const s of ["Heading1", "NumberedParagraph", "List", "Caption", "TableHeading", "TableText", "Quote", "Signature", "EndRule"]) expect(styles, s).toContain(s);
    expect(all).toContain("<w:tbl>");
    expect(all).toContain("<w:pageBreakBefore/>");
  });
});

describe("styles and runs", () => {
  it("maps each block to its role's named style", () => {
    expect(paras.map(styleOfPara)).toEqual(["Title", "BodyTextFirstIndent", "Heading1", "BodyText", "List", "List", "Signature", "Signature", "Heading1", "EndRule"]);
    expect(paragraphTexts(doc).slice(0, 2)).toEqual(["标题", "正文加粗ABC强调"]);
  });

  it("sets strong text in the Strong style and emphasis in the Emphasis style, never slanting ideographs", () => {
    expect(paras[1]).toMatch(/<w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>加粗ABC<\/w:t>/);
    expect(paras[1]).toMatch(/<w:rStyle w:val="Emphasis"\/><\/w:rPr><w:t[^>]*>强调<\/w:t>/);
    expect(paras[1]).not.toMatch(/<w:i\/>/);
  });

  it("slants the Latin text of emphasis in a Latin document, and only that", async () => {
    const body: Block[] = [{ type: "paragraph", children: [{ type: "emphasis", children: [{ type: "text", value: "stress 强调" }] }] }];
    const en = paragraphsIn(parts(await docxOf(modelWith(body, "en"))).xml["word/document.xml"])[0];
    // the Emphasis style slants (w:i); the Chinese run is set upright
    expect(en).toMatch(/<w:rStyle w:val="Emphasis"\/><\/w:rPr><w:t[^>]*>stress <\/w:t>/);
    expect(en).toMatch(/<w:rStyle w:val="Emphasis"\/><w:i w:val="false"\/><w:iCs w:val="false"\/><\/w:rPr><w:t[^>]*>强调<\/w:t>/);
    const zh = paragraphsIn(parts(await docxOf(modelWith(body, "zh"))).xml["word/document.xml"])[0];
    // the Emphasis style of a Chinese document is the Kai face alone: the Latin run is slanted directly
    expect(zh).toMatch(/<w:rStyle w:val="Emphasis"\/><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>stress <\/w:t>/);
    expect(zh).toMatch(/<w:rStyle w:val="Emphasis"\/><\/w:rPr><w:t[^>]*>强调<\/w:t>/);
  });

  it("marks with w:hint=eastAsia exactly the characters the typesetter sets in the Chinese face", async () => {
    const body: Block[] = [{ type: "paragraph", children: [{ type: "text", value: "See ① and ★, “引号” é 2020" }] }];
    const p = paragraphsIn(parts(await docxOf(modelWith(body))).xml["word/document.xml"])[0];
    const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => ({ hint: m[1].includes('w:hint="eastAsia"'), text: textOf(`<w:p>${m[1]}</w:p>`) }));
    expect(runs.map((r) => r.text).join("")).toBe("See ① and ★, “引号” é 2020");
    for (const r of runs) {
      if (/[①★“”]/.test(r.text)) expect(r.hint, r.text).toBe(true);
      if (/é/.test(r.text)) expect(r.hint, r.text).toBe(false);
    }
  });
});

describe("spacing", () => {
  it("adds the space after one paragraph and before the next, as Word and the PDF do: no direct spacing", () => {
    expect(before(paras[2])).toBeUndefined();
    expect(before(paras[6])).toBeUndefined();
    expect(before(paras[7])).toBeUndefined();
    expect(paras[7]).toContain('<w:keepNext w:val="false"/>');
  });

  it("starts the block after a page break on a new page, with no space above it", () => {
    expect(paras[8]).toContain("<w:pageBreakBefore/>");
    if ((defaultStyle().paragraphs.heading1.spaceBefore ?? 0) > 0) expect(before(paras[8])).toBe("0");
    else expect(before(paras[8])).toBeUndefined();
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it("gives a table the style's space above and below, on the paragraphs around it", async () => {
    const t = defaultStyle().table;
    const body = defaultStyle().paragraphs.body;
    const xml = parts(await docxOf(modelWith([{ type: "paragraph", children: [{ type: "text", value: "前" }] }, { ...ONE_OF_EACH.table, caption: undefined }, { type: "paragraph", children: [{ type: "text", value: "后" }] }]))).xml["word/document.xml"];
    const [first] = paragraphsIn(xml);
    expect(first).toContain(`<w:spacing w:after="${((body.spaceAfter ?? 0) + t.spaceBefore) * 20}"/>`);
    const after = paragraphsIn(xml.slice(xml.indexOf("</w:tbl>")))[0];
    expect(after).toContain(`<w:spacing w:before="${t.spaceAfter * 20}"/>`);
  });
});

describe("furniture options", () => {
  it("leaves the emblem out when the masthead has none and the recycling mark when off", async () => {
    const xml = parts(await docxOf(smallModel())).xml;
    const drawings = Object.entries(xml).filter(([n]) => /word\/(header|footer)\d+\.xml/.test(n)).map(([, x]) => (x.match(/<w:drawing>/g) ?? []).length);
    expect(drawings.reduce((a, b) => a + b, 0)).toBe(2); // barcode and QR code only
  });
});
