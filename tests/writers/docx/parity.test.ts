/**
 * Parity with the PDF: the example's DOCX, laid out by LibreOffice (the Word stand-in available
 * here), against undoc's own PDF of the same data. Needs LibreOffice (libreoffice-writer-nogui)
 * and poppler (poppler-utils); zbar-tools reads back the first-page barcode and QR code.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { UnDocumentData } from "../../../src/input/schema.js";
import type { Rendered } from "../../../src/render/pipeline.js";
import { pageSize } from "../../../src/style/style.js";
import { libreOfficePdf, pageCount, pageText, paragraphsOf, poppler, renderedExample, requireTool, squash } from "./helpers.js";

let data: UnDocumentData;
let rendered: Rendered;
let lo: ReturnType<typeof libreOfficePdf>;
let undocPdf: string;

beforeAll(async () => {
  ({ data, rendered } = await renderedExample());
  lo = libreOfficePdf(rendered.docx!, "example");
  undocPdf = join(lo.dir, "undoc.pdf");
  writeFileSync(undocPdf, rendered.pdf!);
}, 180_000);

afterAll(() => lo?.cleanup());

describe("DOCX laid out by LibreOffice vs undoc's PDF", () => {
  it("has the same number of pages", () => {
    expect(pageCount(lo.pdf)).toBe(pageCount(undocPdf));
    expect(pageCount(lo.pdf)).toBe(3);
  });

  it("has the letter on page 1 and the annex heading on page 2", () => {
    const title = rendered.model.body.find((b) => b.type === "heading");
    expect(title).toBeDefined();
    const letterTitle = squash(rendered.model.meta.title);
    expect(squash(pageText(lo.pdf, 1))).toContain(letterTitle);
    expect(squash(pageText(lo.pdf, 1))).toContain(squash(data.letter.paragraphs[0]));
    expect(squash(pageText(lo.pdf, 1))).not.toContain(squash(data.annex!.title));
    const page2 = squash(pageText(lo.pdf, 2));
    expect(page2.startsWith(squash(rendered.model.running.header) + letterTitle)).toBe(true); // running header, then the annex heading
    expect(page2).toContain(`${letterTitle}的附件`);
    expect(page2).toContain(squash(data.annex!.title));
  });

  it("uses the embedded TrueType Noto subsets, not an installed or substitute face", () => {
    const rows = poppler("pdffonts", [lo.pdf]).split("\n").slice(2).filter(Boolean);
    const face = (name: string) => rows.filter((r) => r.includes(name));
    for (const name of ["NotoSerifCJKsc-Regular", "NotoSansCJKsc-Bold"]) {
      expect(face(name).length, name).toBeGreaterThan(0);
      // Debian's Noto CJK are CFF (Type 1C / CID Type 0C): TrueType here means the embedded subset
      for (const r of face(name)) expect(r, r).toMatch(/TrueType/);
    }
    expect(face("LiberationSerif").length).toBeGreaterThan(0);
    expect(rows.filter((r) => !/Noto(Serif|Sans)CJKsc|LiberationSerif/.test(r))).toEqual([]);
  });

  it("contains every paragraph of the example", () => {
    // the text block of each page, without running headers and footers (a paragraph may cross pages)
    const { top, bottom } = rendered.style.page.margin;
    const height = pageSize(rendered.style).height - bottom - top + 8;
    const pages = Array.from({ length: pageCount(lo.pdf) }, (_, i) =>
      poppler("pdftotext", ["-enc", "UTF-8", "-f", String(i + 1), "-l", String(i + 1), "-x", "0", "-y", String(top - 8), "-W", String(pageSize(rendered.style).width), "-H", String(height), lo.pdf, "-"]),
    );
    const text = squash(pages.join(""));
    for (const p of paragraphsOf(data)) expect(text, p).toContain(squash(p));
    const all = squash(poppler("pdftotext", ["-enc", "UTF-8", lo.pdf, "-"]));
    expect(all).toContain(squash(rendered.model.firstPageFooter.jobLabel));
    for (const n of ["2/3", "3/3"]) expect(all).toContain(n);
  });

  it("prints a barcode and a QR code that read back", () => {
    const zbarimg = requireTool("zbarimg", "zbar-tools");
    const png = join(lo.dir, "page1");
    execFileSync("pdftoppm", ["-png", "-r", "300", "-f", "1", "-l", "1", "-singlefile", lo.pdf, png], { stdio: "pipe" });
    // zbarimg chatters about D-Bus on stderr: keep it out of the test output
    const out = execFileSync(zbarimg, ["-q", `${png}.png`], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out).toContain(`CODE-39:${rendered.model.firstPageFooter.barcode}`);
    expect(out).toContain(`QR-Code:${rendered.model.firstPageFooter.qr}`);
  });
});
