/** Footnotes: real Word footnotes in word/footnotes.xml, referred to from the text in order, under the PDF's short rule. */
import { beforeAll, describe, expect, it } from "vitest";
import { footnotesIn } from "../../../src/layout/roles.js";
import type { Block, Document, Footnote } from "../../../src/model/types.js";
import { plainText } from "../../../src/model/types.js";
import { defaultStyle, docxOf, modelOf, paragraphsIn, parts, REPORT_ZH, textOf } from "./helpers.js";

let model: Document;
let xml: Record<string, string>;

/** The model's footnotes in document order. */
function notesOf(doc: Document): Footnote[] {
  const out: Footnote[] = [];
  const walk = (b: Block): void => {
    if (b.type === "heading" || b.type === "paragraph") out.push(...footnotesIn(b.children));
    else if (b.type === "list") for (const i of b.items) (out.push(...footnotesIn(i.children)), i.sublist && walk(i.sublist));
    else if (b.type === "quote") b.blocks.forEach(walk);
    else if (b.type === "table") {
      if (b.caption) out.push(...footnotesIn(b.caption));
      for (const r of [...b.header, ...b.rows]) for (const c of r.cells) c.blocks.forEach(walk);
    } else if (b.type === "signature") for (const l of b.lines) out.push(...footnotesIn(l));
  };
  doc.body.forEach(walk);
  return out;
}

beforeAll(async () => {
  model = modelOf(REPORT_ZH);
  xml = parts(await docxOf(model)).xml;
});

describe("footnotes", () => {
  it("holds each footnote's text in word/footnotes.xml, in the footnote text style, after the note's own mark and a tab", () => {
    const notes = notesOf(model);
    expect(notes.length).toBeGreaterThanOrEqual(4);
    const part = xml["word/footnotes.xml"];
    notes.forEach((note, i) => {
      const el = new RegExp(`<w:footnote w:id="${i + 1}">([\\s\\S]*?)</w:footnote>`).exec(part)![1];
      const paras = paragraphsIn(el);
      expect(paras.map(textOf)).toEqual(note.paragraphs.map(plainText));
      expect(paras[0]).toMatch(/<w:pStyle w:val="FootnoteText"\/>[\s\S]*<w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteRef\/><\/w:r><w:r><w:tab\/><\/w:r>/);
    });
  });

  it("refers to them from the text, in order, with Word's reference mark (Word numbers them)", () => {
    const refs = [...xml["word/document.xml"].matchAll(/<w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="(\d+)"\/><\/w:r>/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(notesOf(model).map((_, i) => i + 1));
    // no label text of undoc's own in the body: Word prints the numbers
    expect(xml["word/document.xml"]).not.toMatch(/<w:vertAlign w:val="superscript"\/>/);
  });

  it("separates the notes from the text with the PDF's short rule, no note mark in the separators", () => {
    const f = defaultStyle().footnotes;
    const part = xml["word/footnotes.xml"];
    for (const [type, id] of [["separator", -1], ["continuationSeparator", 0]] as const) {
      const sep = new RegExp(`<w:footnote w:type="${type}" w:id="${id}">([\\s\\S]*?)</w:footnote>`).exec(part)![1];
      expect(sep).not.toContain("footnoteRef");
      expect(sep).toContain(`<w:top w:val="single" w:color="000000" w:sz="${f.separatorThickness * 8}" w:space="0"/>`);
      expect(sep).toMatch(new RegExp(`w:right="${(420 - f.separatorWidth) * 20}"`));
    }
    expect(xml["word/settings.xml"]).toContain('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>');
  });
});
