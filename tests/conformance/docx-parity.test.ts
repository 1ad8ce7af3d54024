/**
 * Parity with the PDF: the example's DOCX, laid out by LibreOffice (the Word stand-in available
 * here), against undoc's own PDF of the same data. Needs LibreOffice (libreoffice-writer-nogui)
 * and poppler (poppler-utils); zbar-tools reads back the first-page barcode and QR code.
 */
import { afterAll, beforeAll, describe, expect } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UnDocumentData } from "../../src/input/schema.js";
import type { Rendered } from "../../src/render/pipeline.js";
import { pageSize } from "../../src/style/style.js";
import { paragraphsOf, renderedExample, squash } from "../writers/docx/helpers.js";
import { check, run, willRun, type Program } from "./tools.js";

const NEEDS: Program[] = ["soffice", "pdftotext", "pdfinfo", "pdffonts"];

let data: UnDocumentData;
let rendered: Rendered;
let dir: string;
let loPdf: string;
let undocPdf: string;

/** DOCX -> PDF with LibreOffice, in a private user profile (parallel runs do not share one). */
function libreOfficePdf(docx: Uint8Array, name: string): string {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, docx);
  execFileSync("soffice", [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, file], {
    stdio: "pipe",
    timeout: 180_000,
  });
  const pdf = join(dir, `${name}.pdf`);
  readFileSync(pdf); // fails loudly when LibreOffice wrote nothing
  return pdf;
}

const pageText = (pdf: string, page: number) => run("pdftotext", ["-enc", "UTF-8", "-f", String(page), "-l", String(page), pdf, "-"]);
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))?.[1]);

beforeAll(async () => {
  if (!willRun(NEEDS)) return; // skipped: no LibreOffice run for nothing
  ({ data, rendered } = await renderedExample());
  dir = mkdtempSync(join(tmpdir(), "undoc-docx-"));
  loPdf = libreOfficePdf(rendered.docx!, "example");
  undocPdf = join(dir, "undoc.pdf");
  writeFileSync(undocPdf, rendered.pdf!);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("DOCX laid out by LibreOffice vs undoc's PDF", () => {
  check("has the same number of pages", NEEDS, () => {
    expect(pageCount(loPdf)).toBe(pageCount(undocPdf));
    expect(pageCount(loPdf)).toBe(3);
  });

  check("has the letter on page 1 and the annex heading on page 2", NEEDS, () => {
    const letterTitle = squash(rendered.model.meta.title);
    expect(squash(pageText(loPdf, 1))).toContain(letterTitle);
    expect(squash(pageText(loPdf, 1))).toContain(squash(data.letter.paragraphs[0]));
    expect(squash(pageText(loPdf, 1))).not.toContain(squash(data.annex!.title));
    const page2 = squash(pageText(loPdf, 2));
    expect(page2.startsWith(squash(rendered.model.running.header) + letterTitle)).toBe(true); // running header, then the annex heading
    expect(page2).toContain(`${letterTitle}的附件`);
    expect(page2).toContain(squash(data.annex!.title));
  });

  check("uses the embedded TrueType Noto subsets, not an installed or substitute face", NEEDS, () => {
    const rows = run("pdffonts", [loPdf]).split("\n").slice(2).filter(Boolean);
    const face = (name: string) => rows.filter((r) => r.includes(name));
    for (const name of ["NotoSerifCJKsc-Regular", "NotoSansCJKsc-Bold"]) {
      expect(face(name).length, name).toBeGreaterThan(0);
      // Debian's Noto CJK are CFF (Type 1C / CID Type 0C): TrueType here means the embedded subset
      for (const r of face(name)) expect(r, r).toMatch(/TrueType/);
    }
    expect(face("LiberationSerif").length).toBeGreaterThan(0);
    expect(rows.filter((r) => !/Noto(Serif|Sans)CJKsc|LiberationSerif/.test(r))).toEqual([]);
  });

  check("contains every paragraph of the example", NEEDS, () => {
    // the text block of each page, without running headers and footers (a paragraph may cross pages)
    const { top, bottom } = rendered.style.page.margin;
    const { width, height } = pageSize(rendered.style);
    const block = height - bottom - top + 8;
    const pages = Array.from({ length: pageCount(loPdf) }, (_, i) =>
      run("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), "-x", "0", "-y", String(top - 8), "-W", String(width), "-H", String(block), loPdf, "-"]),
    );
    const text = squash(pages.join(""));
    for (const p of paragraphsOf(data)) expect(text, p).toContain(squash(p));
    const all = squash(run("pdftotext", ["-enc", "UTF-8", loPdf, "-"]));
    expect(all).toContain(squash(rendered.model.firstPageFooter.jobLabel));
    for (const n of ["2/3", "3/3"]) expect(all).toContain(n);
  });

  check("prints a barcode and a QR code that read back (zbarimg)", [...NEEDS, "pdftoppm", "zbarimg"], () => {
    const png = join(dir, "page1");
    run("pdftoppm", ["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile", loPdf, png]);
    const out = run("zbarimg", ["-q", `${png}.png`]);
    expect(out).toContain(`CODE-39:${rendered.model.firstPageFooter.barcode}`);
    expect(out).toContain(`QR-Code:${rendered.model.firstPageFooter.qr}`);
  });
});
