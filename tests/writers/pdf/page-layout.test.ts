import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataFile } from "../../../src/input/load.js";
import { DEFAULT_TEMPLATES, renderData } from "../../../src/render/pipeline.js";
import { pdfInfo, pdfText, renderPage, wordsOf, type TextPage, type Word } from "../../helpers/pdf.js";
import { decodeCode39, decodeQr } from "../../helpers/barcode.js";

const { data } = loadDataFile("examples/arria-belarus-2020.zh.yaml");
let pdf: Uint8Array;
let pages: TextPage[];

beforeAll(async () => {
  pdf = (await renderData(data, { formats: ["pdf"] })).pdf!;
  pages = await pdfText(pdf);
});

/** the words of a page (1-based); y is the baseline, from the top of the page */
const words = (page: number): Word[] => wordsOf(pages[page - 1]);

describe("UN page layout", () => {
  it("is US Letter with three pages: letter on page 1, annex from page 2", async () => {
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(3);
    expect(info.sizes).toEqual(Array(3).fill({ width: 612, height: 792 }));
  });

  it("prints a Code 39 barcode of the job number and a QR code of the document's address that read back", async () => {
    // what the page shows, at 300 dpi: decoded from pixels, not from the input
    const page = await renderPage(pdf, 1, 300);
    expect(decodeQr(page)).toBe("https://undocs.org/zh/S/2020/905");
    const barcodes = decodeCode39(page, 2);
    expect([...barcodes.keys()]).toEqual(["2011937"]);
    expect(barcodes.get("2011937")).toBeGreaterThan(10); // read along many rows, not by luck
  });

  it("puts the masthead on page 1: organisation, symbol at the right, organ, distribution", () => {
    const w = words(1);
    const symbol = w.find((x) => x.text === "S/2020/905")!;
    const organisation = w.find((x) => x.text === "联合国")!;
    expect(symbol.xMin).toBeGreaterThan(306);
    expect(organisation.xMin).toBeLessThan(306);
    expect(w.some((x) => x.text.includes("安全理事会"))).toBe(true);
    expect(w.some((x) => x.text === "General")).toBe(true);
    const job = w.find((x) => x.text === "20-11937")!;
    expect(job.y).toBeGreaterThan(700); // first-page footer
  });

  it("alternates the running header and footer: right on odd pages, left on even", () => {
    const header = (page: number) => words(page).find((x) => x.text === "S/2020/905" && x.y < 72)!;
    const folio = (page: number) => words(page).find((x) => x.text === `${page}/3`)!;
    expect(header(2).xMax).toBeLessThan(306);
    expect(header(3).xMin).toBeGreaterThan(306);
    expect(folio(2).xMax).toBeLessThan(306);
    expect(folio(3).xMin).toBeGreaterThan(306);
    expect(folio(2).y).toBeGreaterThan(720);
  });

  it("sets A4 when the style asks for it", async () => {
    const tpl = mkdtempSync(join(tmpdir(), "undoc-a4-"));
    cpSync(DEFAULT_TEMPLATES, tpl, { recursive: true });
    const style = join(tpl, "style.yaml");
    writeFileSync(style, readFileSync(style, "utf8").replace("size: letter", "size: a4"));
    const a4 = (await renderData(data, { formats: ["pdf"], templates: tpl })).pdf!;
    expect((await pdfInfo(a4)).sizes[0]).toEqual({ width: 595.28, height: 841.89 });
  });
});
