import { describe, it, expect } from "vitest";
import { createRequire } from "node:module";
import { code39, drawingToSvg, placeholderEmblem, qrCode, recyclingMark } from "../../src/marks/index.js";

// pdfmake 0.3 (the project's PDF writer) is CommonJS; load it without relying on its typings.
const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

describe("SVG output in pdfmake", () => {
  it("is accepted by pdfmake's svg nodes and yields a PDF", async () => {
    const pdfmake = require("pdfmake") as PdfMake;
    pdfmake.setFonts({ Helvetica: { normal: "Helvetica" } });
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    const svgs = [
      drawingToSvg(code39("2011937", { height: 24, narrow: 0.75 })),
      drawingToSvg(qrCode("https://undocs.org/zh/S/2020/905", { size: 60 })),
      drawingToSvg(recyclingMark(30)),
      drawingToSvg(placeholderEmblem(50)),
    ];
    const buf = await pdfmake
      .createPdf({ defaultStyle: { font: "Helvetica" }, content: svgs.map((svg) => ({ svg })) })
      .getBuffer();
    expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(buf.length).toBeGreaterThan(1000);
  });
});
