/**
 * Parity with the PDF: each bundled or fixture document's DOCX, laid out by LibreOffice, against
 * undoc's own PDF of the same data: the same number of pages, every paragraph there, the embedded
 * faces used, the first-page barcode and QR code readable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { UnDocumentData } from "../../src/input/schema.js";
import type { Rendered } from "../../src/render/pipeline.js";
import { pageSize } from "../../src/style/style.js";
import { EXAMPLE, paragraphsOf, renderedFile, REPORT_EN, REPORT_ZH } from "../writers/docx/helpers.js";
import { libreOffice, missingTools, pageCount, pageText, poppler, squash, type Converted } from "./docx-helpers.js";

const skip = missingTools();
if (skip) console.warn(`tests/conformance/docx-parity: ${skip}`);

describe.skipIf(!!skip)("DOCX laid out by LibreOffice vs undoc's PDF", () => {
  const docs: Record<string, { data: UnDocumentData; rendered: Rendered; lo: Converted; pdf: string }> = {};

  beforeAll(async () => {
    for (const file of [EXAMPLE, REPORT_ZH, REPORT_EN]) {
      const { data, rendered } = await renderedFile(file);
      const lo = libreOffice(rendered.docx!, { name: "doc" });
      const pdf = join(lo.dir, "undoc.pdf");
      writeFileSync(pdf, rendered.pdf!);
      docs[file] = { data, rendered, lo, pdf };
    }
  }, 300_000);

  afterAll(() => Object.values(docs).forEach((d) => d.lo.cleanup()));

  it("has the same number of pages as undoc's PDF, for every document", () => {
    for (const [file, d] of Object.entries(docs)) expect(pageCount(d.lo.file), file).toBe(pageCount(d.pdf));
    expect(pageCount(docs[EXAMPLE].lo.file)).toBe(3);
  });

  it("has the letter on page 1 and the annex heading on page 2", () => {
    const { data, rendered, lo } = docs[EXAMPLE];
    const letterTitle = squash(rendered.model.meta.title);
    expect(squash(pageText(lo.file, 1))).toContain(letterTitle);
    expect(squash(pageText(lo.file, 1))).toContain(squash(data.letter.paragraphs[0] as string));
    const page2 = squash(pageText(lo.file, 2));
    expect(page2.startsWith(squash(rendered.model.running.header) + letterTitle)).toBe(true);
    expect(page2).toContain(squash(data.annex!.title as string));
  });

  it("contains every paragraph of the example in the text block, and the furniture", () => {
    const { data, rendered, lo } = docs[EXAMPLE];
    const { top, bottom } = rendered.style.page.margin;
    const size = pageSize(rendered.style);
    const pages = Array.from({ length: pageCount(lo.file) }, (_, i) =>
      poppler("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), "-x", "0", "-y", String(top - 8), "-W", String(size.width), "-H", String(size.height - bottom - top + 8), lo.file, "-"]),
    );
    const text = squash(pages.join(""));
    for (const p of paragraphsOf(data)) expect(text, p).toContain(squash(p));
    const all = squash(poppler("pdftotext", ["-enc", "UTF-8", lo.file, "-"]));
    expect(all).toContain(squash(rendered.model.firstPageFooter.jobLabel));
    for (const n of ["2/3", "3/3"]) expect(all).toContain(n);
  });

  it("sets the text in the embedded TrueType faces, not in substitutes", () => {
    for (const [file, d] of Object.entries(docs)) {
      const rows = poppler("pdffonts", [d.lo.file]).split("\n").slice(2).filter(Boolean);
      if (d.rendered.model.meta.lang === "zh") expect(rows.filter((r) => /Noto(Serif|Sans)CJKsc/.test(r)).length, file).toBeGreaterThan(0);
      expect(rows.filter((r) => /LiberationSerif/.test(r)).length, file).toBeGreaterThan(0);
      // the italic Latin of emphasis may come from the installed Liberation Serif Italic (the style has no italic face yet)
      expect(rows.filter((r) => !/Noto(Serif|Sans)CJKsc|LiberationSerif/.test(r)), file).toEqual([]);
    }
  });

  it("prints a barcode and a QR code that read back", (ctx) => {
    try {
      execFileSync("zbarimg", ["--version"], { stdio: "pipe" });
    } catch {
      return ctx.skip("zbarimg (Debian: zbar-tools) is not installed");
    }
    const { rendered, lo } = docs[EXAMPLE];
    const png = join(lo.dir, "page1");
    execFileSync("pdftoppm", ["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile", lo.file, png], { stdio: "pipe" });
    const out = execFileSync("zbarimg", ["-q", `${png}.png`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toContain(`CODE-39:${rendered.model.firstPageFooter.barcode}`);
    expect(out).toContain(`QR-Code:${rendered.model.firstPageFooter.qr}`);
  });
});
