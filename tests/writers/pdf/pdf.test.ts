import { beforeAll, describe, expect, it } from "vitest";
import { loadDataFile } from "../../../src/input/load.js";
import { DEFAULT_TEMPLATES, renderData, styleOf } from "../../../src/render/pipeline.js";
import type { UnDocumentData } from "../../../src/input/schema.js";
import { bodyTextOf, pdfFonts, pdfStructureProblems, pdfText, squash, textOf, type TextPage } from "../../helpers/pdf.js";

let data: UnDocumentData;
let pdf: Uint8Array;
let pages: TextPage[];

function paragraphsOf(d: UnDocumentData): string[] {
  return [
    ...d.letter.paragraphs,
    ...(d.annex?.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.content.flatMap((c) => (typeof c === "string" ? [c] : c.bullets))]) ?? []),
    d.annex?.title ?? "",
  ];
}

beforeAll(async () => {
  data = loadDataFile("examples/arria-belarus-2020.zh.yaml").data;
  pdf = (await renderData(data, { formats: ["pdf"] })).pdf!;
  pages = await pdfText(pdf, { fonts: true });
});

describe("PDF writer on the example", () => {
  it("extracts every paragraph of the example", () => {
    // read the text block only (a paragraph split over two pages is interrupted by the running parts)
    const text = bodyTextOf(pages, styleOf(DEFAULT_TEMPLATES).page.margin);
    for (const p of paragraphsOf(data)) expect(text).toContain(squash(p));
  });

  it("embeds subset fonts, and only them", () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) {
      // name starts with a subset tag ABCDEF+; embedded, subset, with a ToUnicode map (pdffonts: yes yes yes)
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
      expect([f.embedded, f.subset, f.toUnicode], f.name).toEqual([true, true, true]);
    }
    expect(fonts.some((f) => f.name.includes("NotoSerifCJKsc"))).toBe(true);
    // every font the text is drawn in is one of them
    const drawn = new Set(pages.flatMap((p) => p.lines.flatMap((l) => l.items.map((i) => i.fontName))));
    expect([...drawn].filter((n) => !fonts.some((f) => f.name === n))).toEqual([]);
  });

  it("has no glyph missing: every character of the text maps to a real glyph", async () => {
    const { faceSetFor } = await import("../../../src/fonts/face-set.js");
    const { usesCjkFace } = await import("../../../src/typeset/classify.js");
    const faces = faceSetFor(styleOf(DEFAULT_TEMPLATES));
    const missing: string[] = [];
    for (const ch of new Set([...paragraphsOf(data).join("")])) {
      const face = usesCjkFace(ch) ? faces.regular.cjk : faces.regular.latin;
      if (!face.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(ch);
    }
    expect(missing).toEqual([]);
    // and the PDF text round-trips (a .notdef glyph would extract as nothing or garbage)
    const text = squash(textOf(pages));
    for (const ch of new Set(squash(paragraphsOf(data).join("")))) expect(text).toContain(ch);
  });

  it("puts the letter on page 1 and the annex from page 2", () => {
    const page = (n: number) => squash(textOf(pages, n));
    expect(page(1)).toContain(squash(data.letter.paragraphs[0]));
    expect(page(1)).not.toContain("的信的附件");
    expect(page(2)).toContain("的信的附件");
  });

  it("is structurally sound (cross-reference table, offsets, stream lengths, page tree)", () => {
    expect(pdfStructureProblems(pdf)).toEqual([]);
  });

  it("is byte-identical when rendered twice", async () => {
    const again = (await renderData(data, { formats: ["pdf"] })).pdf!;
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });
});
