/**
 * The DOCX writer on the bundled example: Word-native structure (named styles, numbering, fields,
 * headers and footers), the East Asian settings, and reproducible bytes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import type { Document } from "../../../src/model/types.js";
import type { Style } from "../../../src/style/style.js";
import { NO_LINE_END, NO_LINE_START } from "../../../src/typeset/kinsoku.js";
import { writeDocx } from "../../../src/writers/docx/index.js";
import { DATE, headerFooterPart, paragraphsIn, paragraphTexts, parts, renderedExample, styleOfPara, styleXml } from "./helpers.js";

let model: Document;
let style: Style;
let docx: Uint8Array;
let xml: Record<string, string>;
let bytes: Record<string, Uint8Array>;

beforeAll(async () => {
  const ex = await renderedExample();
  model = ex.rendered.model;
  style = ex.rendered.style;
  docx = ex.rendered.docx!;
  ({ xml, bytes } = parts(docx));
});

describe("structure: named styles, sections, headers and footers", () => {
  it("defines every style the parts use, with Word's built-in names where Word has one", () => {
    const used = new Set([...Object.values(xml).join("").matchAll(/<w:[pr]Style w:val="([^"]+)"/g)].map((m) => m[1]));
    for (const id of used) expect(styleXml(xml, id), `style ${id}`).not.toBe("");
    for (const [id, name] of [
      ["BodyText", "Body Text"],
      ["BodyTextFirstIndent", "Body Text First Indent"],
      ["Title", "Title"],
      ["Heading1", "heading 1"],
      ["Heading4", "heading 4"],
      ["List", "List"],
      ["List2", "List 2"],
      ["Quote", "Quote"],
      ["Caption", "caption"],
      ["FootnoteText", "footnote text"],
      ["FootnoteReference", "footnote reference"],
      ["Signature", "Signature"],
      ["Strong", "Strong"],
      ["Emphasis", "Emphasis"],
      ["Header", "header"],
      ["Footer", "footer"],
      ["PageNumber", "page number"],
    ]) {
      expect(styleXml(xml, id)).toContain(`<w:name w:val="${name}"/>`);
    }
    expect(styleXml(xml, "Heading2")).toContain('<w:outlineLvl w:val="1"/>');
  });

  it("gives body paragraphs no direct formatting beyond a style, their numbering and, rarely, spacing or a page break", () => {
    const pPrs = xml["word/document.xml"].match(/<w:pPr>[\s\S]*?<\/w:pPr>/g) ?? [];
    expect(pPrs.length).toBeGreaterThan(20);
    for (const p of pPrs) {
      const rest = p.replace(/<w:pStyle [^>]*\/>|<w:spacing w:before="\d+"\/>|<w:pageBreakBefore\/>|<w:keepNext w:val="false"\/>|<w:numPr><w:ilvl w:val="\d"\/><w:numId w:val="\d+"\/><\/w:numPr>|<w:sectPr>[\s\S]*<\/w:sectPr>/g, "");
      expect(rest).toBe("<w:pPr></w:pPr>");
    }
  });

  it("takes sizes, indents and spacing from the shared style", () => {
    const body = styleXml(xml, "BodyTextFirstIndent");
    expect(body).toContain('w:firstLineChars="200"');
    expect(body).toContain(`w:firstLine="${style.paragraphs.body.firstLineIndentEm! * style.text.size * 20}"`);
    expect(styleXml(xml, "BodyText")).toContain(`w:after="${style.paragraphs.body.spaceAfter! * 20}"`);
    expect(styleXml(xml, "BodyText")).toContain(`w:line="${style.text.lineHeight * 20}" w:lineRule="exact"`);
    expect(styleXml(xml, "MastheadSymbol")).toContain(`<w:sz w:val="${style.masthead.symbolSize * 2}"/>`);
    expect(styleXml(xml, "MastheadOrgan")).toContain(`<w:sz w:val="${style.masthead.organSize * 2}"/>`);
    expect(styleXml(xml, "Header")).toContain(`<w:sz w:val="${style.running.size * 2}"/>`);
  });

  it("puts the Chinese layout rules and the language in the document defaults", () => {
    const defaults = /<w:docDefaults>[\s\S]*<\/w:docDefaults>/.exec(xml["word/styles.xml"])![0];
    for (const e of ["<w:kinsoku/>", "<w:overflowPunct/>", "<w:autoSpaceDE/>", "<w:autoSpaceDN/>", '<w:snapToGrid w:val="0"/>']) expect(defaults).toContain(e);
    expect(defaults).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>');
    expect(defaults).toMatch(/<w:rFonts w:ascii="[^"]+" w:hAnsi="[^"]+" w:eastAsia="[^"]+"/);
    const settings = xml["word/settings.xml"];
    expect(settings).toContain('<w:characterSpacingControl w:val="compressPunctuation"/>');
    // Word's own zh-CN lists, written out (LibreOffice's own differ), the typesetter's too
    expect(settings).toContain(`<w:noLineBreaksAfter w:lang="zh-CN" w:val="${NO_LINE_END.replace(/&/g, "&amp;")}"/>`);
    expect(settings).toContain(`<w:noLineBreaksBefore w:lang="zh-CN" w:val="${NO_LINE_START.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/>/g, "&gt;")}"/>`);
    expect(settings).toContain('<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>');
    expect(settings).toContain("<w:evenAndOddHeaders/>");
  });

  it("sets the page size and margins from the style, with a different first page and odd/even headers", () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml["word/document.xml"])![0];
    const m = style.page.margin;
    expect(sect).toContain('<w:pgSz w:w="12240" w:h="15840"');
    expect(sect).toContain(`<w:pgMar w:top="${m.top * 20}" w:right="${m.right * 20}" w:bottom="${m.bottom * 20}" w:left="${m.left * 20}" w:header="${style.page.headerDistance * 20}" w:footer="${style.page.footerDistance * 20}"`);
    expect(sect).toContain("<w:titlePg/>");
    for (const t of ["first", "default", "even"]) {
      expect(sect).toContain(`<w:headerReference w:type="${t}"`);
      expect(sect).toContain(`<w:footerReference w:type="${t}"`);
    }
  });

  it("has a docGrid with the body line pitch and a 35-character line", () => {
    const grid = /<w:docGrid [^>]*\/>/.exec(xml["word/document.xml"])![0];
    expect(grid).toContain('w:type="linesAndChars"');
    expect(grid).toContain(`w:linePitch="${style.text.lineHeight * 20}"`);
    expect(grid).not.toMatch(/w:charSpace="-?[1-9]/);
  });

  it("puts the masthead texts in frames at their boxes, the emblem, and space that keeps the body below it", () => {
    const header = headerFooterPart(xml, "header", "first");
    const texts = paragraphTexts(header);
    for (const t of [model.masthead.organisation, model.masthead.symbol, model.masthead.organ, ...model.masthead.distribution]) expect(texts).toContain(t);
    const frames = header.match(/<w:framePr [^>]*\/>/g)!;
    // organisation, symbol, organ, the distribution lines, two rules
    expect(frames).toHaveLength(3 + model.masthead.distribution.length + 2);
    for (const f of frames) expect(f).toMatch(/w:hAnchor="page" w:vAnchor="page"|w:vAnchor="page"[^>]*w:hAnchor="page"/);
    expect(header.match(/<w:drawing>/g)).toHaveLength(1); // the emblem
    expect(header.match(/<w:pBdr><w:top /g)).toHaveLength(2); // the heavy and the thin rule
    const footer = headerFooterPart(xml, "footer", "first");
    expect(paragraphTexts(footer).join("")).toBe(model.firstPageFooter.jobLabel);
    expect(footer.match(/<wp:anchor /g)).toHaveLength(3); // barcode, recycling mark, QR code
    const ids = [...Object.values(xml).join("").matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has running headers (symbol at right on odd pages, left on even) and PAGE/NUMPAGES footers", () => {
    const odd = headerFooterPart(xml, "header", "default");
    const even = headerFooterPart(xml, "header", "even");
    expect(paragraphTexts(odd)).toEqual([model.running.header]);
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).not.toContain('<w:jc w:val="right"/>');
    expect(odd).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    for (const type of ["default", "even"] as const) {
      const footer = headerFooterPart(xml, "footer", type);
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(footer).toContain(model.running.footer);
    }
    const oddFooter = headerFooterPart(xml, "footer", "default");
    expect(oddFooter.indexOf(model.running.footer)).toBeLessThan(oddFooter.indexOf("PAGE"));
    const evenFooter = headerFooterPart(xml, "footer", "even");
    expect(evenFooter.indexOf(model.running.footer)).toBeGreaterThan(evenFooter.indexOf("NUMPAGES"));
  });

  it("closes with the short centred rule and starts the annex on a new page", () => {
    const paras = paragraphsIn(xml["word/document.xml"]);
    expect(styleOfPara(paras[paras.length - 1])).toBe("EndRule");
    expect(styleXml(xml, "EndRule")).toMatch(/<w:pBdr><w:bottom w:val="single" w:sz="6"/);
    const breaks = paras.filter((p) => p.includes("<w:pageBreakBefore/>"));
    expect(breaks).toHaveLength(1);
    expect(styleOfPara(breaks[0])).toBe("Title");
  });
});

describe("fonts for editing (the default, --docx-fonts editable)", () => {
  it("embeds the Latin faces whole and the Chinese faces as subsets under names of their own, under 1 MB", () => {
    const table = xml["word/fontTable.xml"];
    expect(table).toMatch(/<w:font w:name="Liberation Serif">[\s\S]*?<w:embedRegular r:id="rId\d+" w:fontKey="\{[0-9A-F-]{36}\}"\/><w:embedBold /);
    expect(table).not.toMatch(/<w:font w:name="Liberation Serif">(?:(?!<\/w:font>)[\s\S])*w:subsetted/);
    expect(table).toMatch(/<w:font w:name="undoc serif-sc [0-9A-F]{6}">[\s\S]*?w:subsetted="1"/);
    expect(table).not.toMatch(/w:name="Noto Serif CJK SC"/);
    expect(xml["word/settings.xml"]).toContain("<w:embedTrueTypeFonts/>");
    expect(xml["word/settings.xml"]).not.toContain("saveSubsetFonts");
    expect(docx.length).toBeLessThan(1_000_000);
  });
});

describe("reproducible output", () => {
  it("gives byte-identical DOCX for the same input", async () => {
    const faces = faceSetFor(style);
    const again = await writeDocx(model, style, faces, { date: new Date(DATE.getTime()) });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(docx))).toBe(0);
    const third = await writeDocx(structuredClone(model), style, faces, { date: DATE });
    expect(Buffer.compare(Buffer.from(third), Buffer.from(docx))).toBe(0);
  });

  it("dates the package and every zip entry with the given date", () => {
    expect(xml["docProps/core.xml"]).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2020-09-16T00:00:00Z</dcterms:created>');
    expect(xml["docProps/core.xml"]).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2020-09-16T00:00:00Z</dcterms:modified>');
    const dv = new DataView(docx.buffer, docx.byteOffset, docx.byteLength);
    let n = 0;
    for (let i = 0; i + 30 < docx.length; i++) {
      if (dv.getUint32(i, true) !== 0x04034b50) continue;
      expect(dv.getUint16(i + 12, true)).toBe(((2020 - 1980) << 9) | (9 << 5) | 16);
      expect(dv.getUint16(i + 10, true)).toBe(0);
      n++;
    }
    expect(n).toBe(Object.keys(bytes).length);
    expect(Object.keys(bytes)[0]).toBe("[Content_Types].xml");
  });
});
