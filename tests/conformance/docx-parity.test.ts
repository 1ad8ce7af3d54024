/**
 * Parity with the PDF: the DOCX of each bundled example and test report, laid out by LibreOffice
 * (the Word stand-in available here), against undoc's own PDF of the same data: the same number
 * of pages, every paragraph there, the embedded faces used, the barcode and QR code readable.
 */
import { afterAll, beforeAll, describe, expect } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { UnDocumentData } from "../../src/input/schema.js";
import type { Rendered } from "../../src/render/pipeline.js";
import { EXAMPLE, paragraphsOf, renderedFile, REPORT, REPORT_EN, REPORT_ZH, squash } from "../writers/docx/helpers.js";
import { libreOffice, pageCount, textBlockPages, pageText, type Converted } from "./libreoffice.js";
import { check, run, willRun, type Program } from "./tools.js";

const NEEDS: Program[] = ["soffice", "pdftotext", "pdfinfo", "pdffonts"];
const LATIN_EXAMPLES = ["en", "fr", "es", "ru"].map((lang) => `examples/arria-belarus-2020.${lang}.yaml`);
const FILES = [EXAMPLE, REPORT, REPORT_ZH, REPORT_EN, ...LATIN_EXAMPLES];

const docs: Record<string, { data: UnDocumentData; rendered: Rendered; lo: Converted; pdf: string }> = {};

beforeAll(async () => {
  if (!willRun(NEEDS)) return; // skipped: no LibreOffice run for nothing
  for (const file of FILES) {
    const { data, rendered } = await renderedFile(file);
    const lo = libreOffice(rendered.docx!);
    const pdf = join(lo.dir, "undoc.pdf");
    writeFileSync(pdf, rendered.pdf!);
    docs[file] = { data, rendered, lo, pdf };
  }
}, 600_000);

afterAll(() => Object.values(docs).forEach((d) => d.lo.cleanup()));

describe("DOCX laid out by LibreOffice vs undoc's PDF", () => {
  check("has the same number of pages as undoc's PDF, for every bundled example and the test reports", NEEDS, () => {
    for (const file of FILES) expect(pageCount(docs[file].lo.file), file).toBe(pageCount(docs[file].pdf));
    expect(pageCount(docs[EXAMPLE].lo.file)).toBe(3);
  });

  check("has the letter on page 1 and the annex heading on page 2", NEEDS, () => {
    const { data, rendered, lo } = docs[EXAMPLE];
    const letterTitle = squash(rendered.model.meta.title);
    expect(squash(pageText(lo.file, 1))).toContain(letterTitle);
    expect(squash(pageText(lo.file, 1))).toContain(squash(data.letter.paragraphs[0] as string));
    expect(squash(pageText(lo.file, 1))).not.toContain(squash(data.annex!.title as string));
    const page2 = squash(pageText(lo.file, 2));
    expect(page2.startsWith(squash(rendered.model.running.header) + letterTitle)).toBe(true); // running header, then the annex heading
    expect(page2).toContain(`${letterTitle}的附件`);
    expect(page2).toContain(squash(data.annex!.title as string));
  });

  check("sets the text in the embedded TrueType faces, not in substitutes", NEEDS, () => {
    for (const file of FILES) {
      const rows = run("pdffonts", [docs[file].lo.file]).split("\n").slice(2).filter(Boolean);
      // the Chinese faces are the embedded subsets, under names of their own (no installed face has them)
      if (docs[file].rendered.model.meta.lang === "zh") for (const id of ["serif-sc", "hei-sc"]) expect(rows.filter((r) => r.includes(`undoc-${id}-`)).length, `${file} ${id}`).toBeGreaterThan(0);
      expect(rows.filter((r) => r.includes("LiberationSerif")).length, file).toBeGreaterThan(0);
      expect(rows.filter((r) => !/\+undoc-(serif|hei|kai)-sc-|LiberationSerif/.test(r)), file).toEqual([]);
    }
  });

  check("contains every paragraph of the example in the text block, and the furniture", NEEDS, () => {
    const { data, rendered, lo } = docs[EXAMPLE];
    const pages = textBlockPages(lo.file, rendered.style);
    const text = squash(pages.join(""));
    for (const p of paragraphsOf(data)) expect(text, p).toContain(squash(p));
    const all = squash(run("pdftotext", ["-enc", "UTF-8", lo.file, "-"]));
    expect(all).toContain(squash(rendered.model.firstPageFooter.jobLabel));
    for (const n of ["2/3", "3/3"]) expect(all).toContain(n);
  });

  check("prints a barcode and a QR code that read back (zbarimg)", [...NEEDS, "pdftoppm", "zbarimg"], () => {
    const { rendered, lo } = docs[EXAMPLE];
    const png = join(lo.dir, "page1");
    run("pdftoppm", ["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile", lo.file, png]);
    const out = run("zbarimg", ["-q", `${png}.png`]);
    expect(out).toContain(`CODE-39:${rendered.model.firstPageFooter.barcode}`);
    expect(out).toContain(`QR-Code:${rendered.model.firstPageFooter.qr}`);
  });
});
