import { describe, it, expect } from "vitest";
import { qrCode, qrMatrix } from "../../src/marks/qr.js";
import { drawingToPng, drawingToSvg } from "../../src/marks/drawing.js";
import { decodeQr, pngPixels } from "../helpers/barcode.js";

const URL = "https://undocs.org/zh/S/2020/905";

function runCount(text: string): number {
  const { size, dark } = qrMatrix(text);
  let runs = 0;
  for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (dark(r, c) && (c === 0 || !dark(r, c - 1))) runs++;
  return runs;
}

describe("qrCode()", () => {
  it("has the requested size and merges each row's dark runs into single rects", () => {
    const d = qrCode(URL, { size: 60 });
    expect(d.width).toBe(60);
    expect(d.height).toBe(60);
    expect(d.shapes.length).toBe(runCount(URL));
    const { size, dark } = qrMatrix(URL);
    let darkModules = 0;
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) if (dark(r, c)) darkModules++;
    expect(d.shapes.length).toBeLessThan(darkModules);
  });

  it("covers exactly the dark modules, inside the quiet zone", () => {
    const quiet = 2;
    const { size, dark } = qrMatrix(URL);
    const mod = 1;
    const d = qrCode(URL, { size: size + 2 * quiet, quietModules: quiet });
    const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
    for (const s of d.shapes) {
      if (s.kind !== "rect") throw new Error("unexpected shape");
      expect(s.h).toBe(mod);
      const row = s.y - quiet;
      for (let c = s.x - quiet; c < s.x - quiet + s.w; c++) {
        expect(grid[row]![c]).toBe(false);
        grid[row]![c] = true;
      }
    }
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) expect(grid[r]![c]).toBe(dark(r, c));
  });

  it("renders a deterministic SVG with one rect per run", () => {
    const svg = drawingToSvg(qrCode(URL, { size: 60 }));
    expect(svg).toBe(drawingToSvg(qrCode(URL, { size: 60 })));
    expect(svg.match(/<rect /g)).toHaveLength(runCount(URL));
    expect(svg).not.toMatch(/href|url\(/);
  });

  it("rejects bad options", () => {
    expect(() => qrCode(URL, { size: 0 })).toThrow(/size/);
    expect(() => qrCode(URL, { size: 50, quietModules: -1 })).toThrow(/quietModules/);
    expect(() => qrCode("", { size: 50 })).toThrow(/empty/);
  });
});

describe("QR code read back (jsQR; zbarimg in the conformance suite)", () => {
  it("decodes the undocs.org link exactly", () => {
    const d = qrCode(URL, { size: 60 });
    for (const ppp of [2, 3, 300 / 72]) {
      expect(decodeQr(pngPixels(drawingToPng(d, ppp))), `ppp ${ppp}`).toBe(URL);
    }
  });

  it("decodes from a transparent RGBA PNG too", () => {
    const png = drawingToPng(qrCode(URL, { size: 60 }), 3, { background: "transparent" });
    expect(decodeQr(pngPixels(png))).toBe(URL);
  });
});
