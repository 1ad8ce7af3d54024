/**
 * The Arabic example's DOCX: a right-to-left document for Word (ECMA-376 Part 1): paragraphs
 * w:bidi, runs w:rtl, complex-script font and size, the bidi language, the section w:bidi, tables
 * w:bidiVisual; the Latin furniture left to right; the UN Arabic chapter and subheading numbers
 * as text (Word has no number format for them).
 */
import { describe, expect, it } from "vitest";
import { loadDataFile } from "../../../src/input/load.js";
import { renderData } from "../../../src/render/pipeline.js";
import { DATE, parts, paragraphsIn, renderedFile, styleXml, textOf } from "./helpers.js";

const EXAMPLE = "examples/arria-belarus-2020.ar.yaml";

async function xmlOf(file = EXAMPLE) {
  const { rendered } = await renderedFile(file);
  return parts(rendered.docx!).xml;
}

describe("the DOCX of an Arabic version", () => {
  it("makes every paragraph and run right to left, in the complex-script face and size, Arabic (Saudi Arabia) for bidi text", async () => {
    const xml = await xmlOf();
    const styles = xml["word/styles.xml"];
    const pPr = /<w:pPrDefault>([\s\S]*?)<\/w:pPrDefault>/.exec(styles)![1];
    const rPr = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(styles)![1];
    // w:bidi in CT_PPrBase's place: after w:autoSpaceDN, before w:snapToGrid and w:spacing
    expect(pPr).toMatch(/<w:autoSpaceDN\/><w:bidi\/><w:snapToGrid w:val="0"\/><w:spacing /);
    // w:rtl after w:szCs (and w:vertAlign), before w:lang; the cs font is the Arabic face; 14 pt both ways
    expect(rPr).toMatch(/<w:sz w:val="28"\/><w:szCs w:val="28"\/><w:rtl\/><w:lang w:val="ar-SA" w:eastAsia="zh-CN" w:bidi="ar-SA"\/>/);
    const cs = /w:cs="([^"]+)"/.exec(rPr)![1];
    expect(xml["word/fontTable.xml"]).toContain(`w:name="${cs}"`);
    expect(cs).toMatch(/Amiri|arabic/);
  });

  it("sets the section right to left, with no character grid", async () => {
    const doc = (await xmlOf())["word/document.xml"];
    const sect = /<w:sectPr>([\s\S]*?)<\/w:sectPr>/.exec(doc)![1];
    expect(sect).toMatch(/<w:titlePg\/><w:bidi\/><w:docGrid w:type="default"/);
  });

  it("writes the Latin furniture left to right: the job label and the distribution block read as printed", async () => {
    const xml = await xmlOf();
    for (const id of ["MastheadSymbol", "MastheadDistribution", "JobLabel", "Header", "Footer"]) {
      const s = styleXml(xml, id);
      expect(s, id).toContain('<w:bidi w:val="0"/>');
      expect(s, id).toContain('<w:rtl w:val="0"/>');
    }
    for (const id of ["MastheadOrganisation", "MastheadOrgan"]) expect(styleXml(xml, id), id).not.toContain("<w:bidi");
  });

  it("prints chapter and subheading numbers أولا - and ألف - as text (no Word format), paragraph numbers as Word numbering", async () => {
    const xml = await xmlOf();
    const doc = xml["word/document.xml"];
    const headings = paragraphsIn(doc).filter((p) => /w:val="Heading1"/.test(p));
    expect(headings.length).toBeGreaterThan(3);
    expect(textOf(headings[0])).toBe("أولا -مقدمة");
    expect(headings[0]).toContain('<w:numId w:val="0"/>'); // the heading style's numbering switched off here
    // the numbering part has no format Word does not know
    const formats = [...xml["word/numbering.xml"].matchAll(/<w:numFmt w:val="([^"]+)"/g)].map((m) => m[1]);
    expect(formats.every((f) => ["decimal", "none", "arabicAbjad", "bullet", "upperRoman", "upperLetter", "lowerLetter", "lowerRoman", "chineseCounting"].includes(f)), formats.join()).toBe(true);
    expect(formats).toContain("arabicAbjad");
  });

  it("sets tables right to left (w:bidiVisual): the first column at the right", async () => {
    const { data } = loadDataFile(EXAMPLE);
    const withTable = structuredClone(data);
    withTable.annex!.sections[0].content!.push({ table: { header: [["المنطقة", "العدد"]], rows: [["أفريقيا", "50"]] } } as never);
    const out = await renderData(withTable, { formats: ["docx"], date: DATE });
    const tblPr = /<w:tblPr>([\s\S]*?)<\/w:tblPr>/.exec(parts(out.docx!).xml["word/document.xml"])![1];
    expect(tblPr).toContain("<w:bidiVisual/>");
  });
});

describe("the DOCX of a left-to-right version", () => {
  it("has no right-to-left settings", async () => {
    const xml = await xmlOf("examples/arria-belarus-2020.en.yaml");
    expect(xml["word/styles.xml"]).not.toMatch(/<w:bidi|<w:rtl/);
    expect(xml["word/document.xml"]).not.toMatch(/<w:bidi|<w:rtl|bidiVisual/);
  });
});
