/** src/writers/pdf/pdfkit-parts.ts: what pdfkit would write, made without it, is what pdfkit writes. */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { deflateSync } from "node:zlib";
import { deflatedPage, num } from "../../../src/writers/pdf/pdfkit-parts.js";

const require = createRequire(import.meta.url);
type Doc = { page: { write(s: string): void }; rect(x: number, y: number, w: number, h: number): void; addPage(): void };
const PDFDocument = require("pdfkit") as new (options: object) => Doc;

describe("pdfkit's own formatting", () => {
  it("numbers as pdfkit's PDFObject.number formats them", async () => {
    // pdfkit's number formatting, reached through a document's rect operator
    const doc = new PDFDocument({ autoFirstPage: false, font: null });
    doc.addPage();
    const written: string[] = [];
    doc.page.write = (s: string) => void written.push(s);
    const values = [0, -0, 1, -1, 0.1 + 0.2, 1 / 3, 123.4567891, -98.7654321, 1e-7, 595.2756];
    for (const v of values) doc.rect(v, v, v, v);
    expect(written).toEqual(values.map((v) => `${num(v)} ${num(v)} ${num(v)} ${num(v)} re`));
  });

  it("a page's content deflated as zlib's defaults deflate it, the same bytes from the cache", () => {
    const bytes = Buffer.from("1 0 0 -1 0 792 cm\nBT\n/F2 12 Tf\n[<0001> 0] TJ\nET\n".repeat(50), "latin1");
    expect(deflatedPage(bytes).equals(deflateSync(bytes))).toBe(true);
    expect(deflatedPage(Buffer.from(bytes)).equals(deflateSync(bytes))).toBe(true);
  });
});
