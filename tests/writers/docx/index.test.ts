/**
 * The DOCX writer on the bundled example: Word-native structure (named styles, numbering, fields,
 * headers and footers), the East Asian settings, embedded font subsets and reproducible bytes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import { plainText, type Document } from "../../../src/model/types.js";
import type { Style } from "../../../src/style/style.js";
import { writeDocx } from "../../../src/writers/docx/index.js";
import { obfuscateFont } from "../../../src/writers/docx/package.js";
import { DATE, headerFooterPart, paragraphsOf, paragraphTexts, parts, renderedExample } from "./helpers.js";
import type { UnDocumentData } from "../../../src/input/schema.js";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;

let data: UnDocumentData;
let model: Document;
let style: Style;
let docx: Uint8Array;
let xml: Record<string, string>;
let bytes: Record<string, Uint8Array>;

beforeAll(async () => {
  const ex = await renderedExample();
  data = ex.data;
  model = ex.rendered.model;
  style = ex.rendered.style;
  docx = ex.rendered.docx!;
  ({ xml, bytes } = parts(docx));
});

const styleXml = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}">[\\s\\S]*?</w:style>`).exec(xml["word/styles.xml"])?.[0] ?? "";

describe("structure: named styles, numbering, sections", () => {
  it("defines the named paragraph and character styles the parts use", () => {
    const used = new Set([...Object.values(xml).join("").matchAll(/<w:[pr]Style w:val="([^"]+)"/g)].map((m) => m[1]));
    for (const id of used) expect(styleXml(id), `style ${id}`).not.toBe("");
    for (const [id, name] of [
      ["BodyText", "Body Text"],
      ["BodyTextFirstIndent", "Body Text First Indent"],
      ["Title", "Title"],
      ["Heading1", "heading 1"],
      ["ListBullet", "List Bullet"],
      ["Signature", "Signature"],
      ["Header", "header"],
      ["Footer", "footer"],
      ["MastheadSymbol", "UN Masthead Symbol"],
      ["MastheadOrgan", "UN Masthead Organ"],
      ["MastheadDistribution", "UN Masthead Distribution"],
    ]) {
      expect(styleXml(id)).toContain(`<w:name w:val="${name}"/>`);
    }
  });

  it("gives body paragraphs no direct formatting beyond a style and, rarely, a spacing or page break", () => {
    const body = xml["word/document.xml"];
    const pPrs = body.match(/<w:pPr>[\s\S]*?<\/w:pPr>/g) ?? [];
    expect(pPrs.length).toBeGreaterThan(20);
    for (const p of pPrs) {
      const rest = p.replace(/<w:pStyle [^>]*\/>|<w:spacing w:before="\d+"\/>|<w:pageBreakBefore\/>|<w:keepNext w:val="false"\/>|<w:sectPr>[\s\S]*<\/w:sectPr>/g, "");
      expect(rest).toBe("<w:pPr></w:pPr>");
    }
  });

  it("takes sizes, indents and spacing from the shared style", () => {
    const body = styleXml("BodyTextFirstIndent");
    expect(body).toContain('w:firstLineChars="200"');
    expect(body).toContain(`w:firstLine="${style.paragraphs.body.firstLineIndentEm! * style.text.size * 20}"`);
    expect(body).toContain(`w:after="${style.paragraphs.body.spaceAfter! * 20}"`);
    expect(body).toContain(`w:line="${style.text.lineHeight * 20}" w:lineRule="exact"`);
    expect(styleXml("MastheadSymbol")).toContain(`<w:sz w:val="${style.masthead.symbolSize * 2}"/>`);
    expect(styleXml("MastheadOrgan")).toContain(`<w:sz w:val="${style.masthead.organSize * 2}"/>`);
    expect(styleXml("Header")).toContain(`<w:sz w:val="${style.running.size * 2}"/>`);
  });

  it("makes bullets a numbering definition linked to the List Bullet style", () => {
    const li = style.paragraphs.list1;
    const n = xml["word/numbering.xml"];
    expect(n).toContain('<w:numFmt w:val="bullet"/>');
    expect(n).toContain(`<w:lvlText w:val="•"/>`);
    expect(n).toContain('<w:pStyle w:val="ListBullet"/>');
    expect(n).toContain(`<w:tab w:val="num" w:pos="${li.textIndentEm! * style.text.size * 20}"/>`);
    expect(n).toContain(`w:leftChars="${li.leftIndentEm! * 100}"`);
    expect(n).toContain(`w:hangingChars="${(li.leftIndentEm! - li.labelIndentEm!) * 100}"`);
    expect(styleXml("ListBullet")).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/><\/w:numPr>/);
    expect(n).toContain('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>');
    const items = data.annex!.sections.flatMap((s) => (s.content ?? []).flatMap((c) => (typeof c === "object" && "bullets" in c ? c.bullets : [])));
    expect(xml["word/document.xml"].match(/<w:pStyle w:val="ListBullet"\/>/g)).toHaveLength(items.length);
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
    expect(xml["word/settings.xml"]).toContain("<w:evenAndOddHeaders/>");
  });

  it("has a docGrid with the body line pitch and a 35-character line", () => {
    const grid = /<w:docGrid [^>]*\/>/.exec(xml["word/document.xml"])![0];
    expect(grid).toContain('w:type="linesAndChars"');
    expect(grid).toContain(`w:linePitch="${style.text.lineHeight * 20}"`);
    // 420 pt / 12 pt = 35 characters exactly: no extra pitch (w:charSpace absent or 0)
    expect(grid).not.toMatch(/w:charSpace="-?[1-9]/);
  });

  it("puts the masthead in the first-page header and the marks in the first-page footer", () => {
    const header = headerFooterPart(xml, "header", "first");
    expect(header).toContain("<w:tbl>");
    const texts = paragraphTexts(header);
    for (const t of [model.masthead.organisation, model.masthead.symbol, model.masthead.organ, ...model.masthead.distribution]) expect(texts).toContain(t);
    expect(header.match(/<w:drawing>/g)).toHaveLength(1); // the emblem
    const footer = headerFooterPart(xml, "footer", "first");
    expect(paragraphTexts(footer).join("")).toBe(model.firstPageFooter.jobLabel);
    expect(footer.match(/<w:drawing>/g)).toHaveLength(3); // barcode, recycling mark, QR code
    expect(footer.match(/<wp:anchor /g)).toHaveLength(3);
    const ids = [...Object.values(xml).join("").matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has running headers (symbol at right on odd pages, left on even) and PAGE/NUMPAGES footers", () => {
    const odd = headerFooterPart(xml, "header", "default");
    const even = headerFooterPart(xml, "header", "even");
    expect(odd).toContain('<w:pStyle w:val="HeaderOdd"/>');
    expect(styleXml("HeaderOdd")).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:pStyle w:val="Header"/>');
    expect(paragraphTexts(odd)).toEqual([model.running.header]);
    expect(styleXml("Header")).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    for (const type of ["default", "even"] as const) {
      const footer = headerFooterPart(xml, "footer", type);
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(footer).toContain(model.running.footer);
    }
    // odd pages: job number, tab, page/total; even pages: page/total, tab, job number
    const oddFooter = headerFooterPart(xml, "footer", "default");
    expect(oddFooter.indexOf(model.running.footer)).toBeLessThan(oddFooter.indexOf("PAGE"));
    const evenFooter = headerFooterPart(xml, "footer", "even");
    expect(evenFooter.indexOf(model.running.footer)).toBeGreaterThan(evenFooter.indexOf("NUMPAGES"));
  });

  it("closes with the short centred rule and starts the annex on a new page", () => {
    const doc = xml["word/document.xml"];
    const paras = doc.match(/<w:p>[\s\S]*?<\/w:p>/g)!;
    expect(paras[paras.length - 1]).toContain('<w:pStyle w:val="EndRule"/>');
    expect(styleXml("EndRule")).toMatch(/<w:pBdr><w:bottom w:val="single" w:sz="6"/);
    const annex = paras.findIndex((p) => p.includes("<w:pageBreakBefore/>"));
    expect(paragraphTexts(paras[annex])[0]).toContain("附件");
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });
});

describe("Chinese layout settings", () => {
  it("sets East Asian and Latin run fonts and the zh-CN language", () => {
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(xml["word/styles.xml"])![0];
    expect(defaults).toContain('<w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:eastAsia="Noto Serif CJK SC"');
    expect(defaults).toContain('w:eastAsia="zh-CN"');
    expect(styleXml("Title")).toContain('w:eastAsia="Noto Sans CJK SC"');
    expect(styleXml("Title")).toContain("<w:b/>");
  });

  it("turns on kinsoku, hanging punctuation and CJK/Latin spacing for every paragraph", () => {
    const defaults = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(xml["word/styles.xml"])![0];
    for (const el of ["<w:kinsoku/>", "<w:overflowPunct/>", "<w:autoSpaceDE/>", "<w:autoSpaceDN/>", "<w:widowControl/>"]) expect(defaults).toContain(el);
    // and writes them in schema order (Word rejects out-of-order properties)
    expect(defaults).toMatch(/<w:widowControl\/><w:kinsoku\/><w:overflowPunct\/><w:autoSpaceDE\/><w:autoSpaceDN\/><w:snapToGrid w:val="0"\/><w:spacing /);
  });

  it("compresses punctuation and carries clreq's line-start and line-end rules in the settings", () => {
    const s = xml["word/settings.xml"];
    expect(s).toContain('<w:characterSpacingControl w:val="compressPunctuation"/>');
    expect(s).toMatch(/<w:noLineBreaksAfter w:lang="zh-CN" w:val="[^"]*“[^"]*（/);
    expect(s).toMatch(/<w:noLineBreaksBefore w:lang="zh-CN" w:val="[^"]*，[^"]*。/);
    // CT_Settings order: evenAndOddHeaders < characterSpacingControl < noLineBreaks* < compat < themeFontLang
    const order = ["<w:embedTrueTypeFonts/>", "<w:saveSubsetFonts/>", "<w:evenAndOddHeaders/>", "<w:characterSpacingControl", "<w:noLineBreaksAfter", "<w:noLineBreaksBefore", "<w:compat>", "<w:themeFontLang"];
    const at = order.map((el) => s.indexOf(el));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("writes each paragraph of the example as one paragraph of whole text, without manual line breaks", () => {
    const doc = xml["word/document.xml"];
    expect(doc).not.toMatch(/<w:br[ />]/);
    expect(doc).not.toMatch(/<w:cr\/>/);
    const texts = paragraphTexts(doc);
    for (const p of paragraphsOf(data)) expect(texts, p).toContain(p);
    // the model's blocks, one paragraph each (signature lines one each)
    for (const b of model.body) {
      if (b.type === "paragraph" || b.type === "heading") expect(texts).toContain(plainText(b.children));
      if (b.type === "list") for (const item of b.items) expect(texts).toContain(plainText(item.children));
      if (b.type === "signature") for (const line of b.lines) expect(texts).toContain(plainText(line));
    }
  });

  it("hints the East Asian font for quotes and the middle dot, as the PDF sets them", () => {
    const runs = xml["word/document.xml"].match(/<w:r>[\s\S]*?<\/w:r>/g)!;
    const quoted = runs.filter((r) => /[“”·]/.test(r));
    expect(quoted.length).toBeGreaterThan(0);
    for (const r of quoted) expect(r).toContain('<w:rFonts w:hint="eastAsia"/>');
  });
});

/** The example's body paragraphs and bullets (regular weight). */
const bodyText = () =>
  new Set([...data.letter.paragraphs, ...data.annex!.sections.flatMap((s) => s.content.flatMap((c) => (typeof c === "string" ? [c] : c.bullets)))].join(""));

describe("fonts", () => {
  const fontParts = () => Object.keys(bytes).filter((n) => n.startsWith("word/fonts/"));

  it("embeds the four faces as small obfuscated TrueType subsets, flagged and keyed in the font table", () => {
    const table = xml["word/fontTable.xml"];
    const rels = xml["word/_rels/fontTable.xml.rels"];
    expect(xml["word/settings.xml"]).toContain("<w:embedTrueTypeFonts/>");
    expect(fontParts()).toHaveLength(4);
    expect(xml["[Content_Types].xml"]).toContain('<Default ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"/>');
    const faces = faceSetFor(style);
    const expected: Record<string, { family: string; bold: boolean; original: number }> = {};
    for (const [slot, f] of [["regular", faces.regular.cjk], ["regular", faces.regular.latin], ["bold", faces.bold.cjk], ["bold", faces.bold.latin]] as const) {
      expected[`${f.family}/${f.weight >= 600 ? "Bold" : "Regular"}`] = { family: f.family, bold: slot === "bold", original: f.bytes.length };
    }
    const found: string[] = [];
    for (const m of table.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)) {
      for (const e of m[2].matchAll(/<w:embed(Regular|Bold) r:id="([^"]+)" w:fontKey="\{([0-9A-F-]{36})\}" w:subsetted="1"\/>/g)) {
        const target = new RegExp(`Id="${e[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${e[2]}"`).exec(rels)![1];
        const odttf = bytes[`word/${target}`];
        const ttf = obfuscateFont(odttf, e[3]);
        expect([...ttf.slice(0, 4)]).toEqual([0, 1, 0, 0]); // TrueType outlines (sfnt version 1.0)
        const font = fontkit.create(Buffer.from(ttf)) as Fontkit.Font;
        expect(font.familyName).toBe(m[1]);
        const key = `${m[1]}/${e[1]}`;
        found.push(key);
        expect(expected[key], key).toBeDefined();
        expect(ttf.length).toBeLessThan(expected[key].original / 20); // a subset, not the whole face
        // every character of the regular body text has its glyph (ASCII only in the Latin face)
        const cjk = font.familyName.includes("CJK");
        if (e[1] === "Regular") for (const ch of bodyText()) if (cjk || ch < "\u0080") expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${key} ${ch}`).toBe(true);
      }
    }
    expect(found.sort()).toEqual(Object.keys(expected).sort());
  });

  it("keeps the example DOCX under 1 MB", () => {
    expect(docx.length).toBeLessThan(1_000_000);
  });

  it("embeds nothing and names the system fonts when embedFonts is false", async () => {
    const plain = await writeDocx(model, style, faceSetFor(style), { date: DATE, embedFonts: false });
    const p = parts(plain);
    expect(Object.keys(p.bytes).filter((n) => n.startsWith("word/fonts/"))).toEqual([]);
    expect(p.xml["word/settings.xml"]).not.toContain("embedTrueTypeFonts");
    expect(p.xml["word/styles.xml"]).toContain('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun"');
    expect(p.xml["word/styles.xml"]).toContain('w:eastAsia="SimHei"');
    expect(p.xml["word/fontTable.xml"]).toContain('<w:font w:name="SimSun"><w:charset w:val="86"/>');
    expect(plain.length).toBeLessThan(60_000);
    const custom = parts(await writeDocx(model, style, faceSetFor(style), { date: DATE, embedFonts: false, systemFonts: { cjk: "FangSong", cjkBold: "KaiTi", latin: "Arial" } }));
    expect(custom.xml["word/styles.xml"]).toContain('<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="FangSong"');
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
    // DOS date of 2020-09-16 00:00 in every local file header
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
