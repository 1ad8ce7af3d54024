import { describe, it, expect } from "vitest";
import { CODE39_PATTERNS, code39, code39Width, jobNumberBarcodeText } from "../../src/marks/code39.js";
import { drawingToPng, drawingToSvg } from "../../src/marks/drawing.js";
import { CODE39_DECODE, decodeCode39, pngPixels } from "../helpers/barcode.js";

const CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";

describe("Code 39 symbology table", () => {
  it("has the 43 data characters plus the start/stop character", () => {
    expect(Object.keys(CODE39_PATTERNS).sort()).toEqual([...CHARSET, "*"].sort());
  });

  it("gives every character 9 elements of which exactly 3 are wide", () => {
    for (const [ch, p] of Object.entries(CODE39_PATTERNS)) {
      expect(p, ch).toMatch(/^[nw]{9}$/);
      expect([...p].filter((e) => e === "w").length, ch).toBe(3);
    }
  });

  it("uses 2 wide bars + 1 wide space, except $ / + % which use 3 wide spaces", () => {
    for (const [ch, p] of Object.entries(CODE39_PATTERNS)) {
      const wideBars = [0, 2, 4, 6, 8].filter((i) => p[i] === "w").length;
      const wideSpaces = [1, 3, 5, 7].filter((i) => p[i] === "w").length;
      if ("$/+%".includes(ch)) expect([wideBars, wideSpaces], ch).toEqual([0, 3]);
      else expect([wideBars, wideSpaces], ch).toEqual([2, 1]);
    }
  });

  it("has no two characters with the same pattern", () => {
    const patterns = Object.values(CODE39_PATTERNS);
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  it("matches well-known reference patterns", () => {
    // 1 = wide bar, narrow space, narrow bar, wide space, ..., as in the symbology specification
    expect(CODE39_PATTERNS["*"]).toBe("nwnnwnwnn");
    expect(CODE39_PATTERNS["0"]).toBe("nnnwwnwnn");
    expect(CODE39_PATTERNS["A"]).toBe("wnnnnwnnw");
    expect(CODE39_PATTERNS["%"]).toBe("nnnwnwnwn");
  });
});

describe("code39()", () => {
  it("follows the width formula (n+2)(6X+3rX) + (n+1)X + 2Q", () => {
    for (const [text, narrow, ratio, quiet] of [
      ["2011937", 0.75, 3, 10],
      ["A", 1, 2, 0],
      ["HELLO WORLD", 0.5, 2.5, 3],
    ] as const) {
      const d = code39(text, { height: 20, narrow, ratio, quiet });
      const n = text.length;
      const expected = (n + 2) * (6 * narrow + 3 * ratio * narrow) + (n + 1) * narrow + 2 * quiet;
      expect(d.width).toBeCloseTo(expected, 9);
      expect(code39Width(n, { narrow, ratio, quiet })).toBeCloseTo(expected, 9);
      expect(d.height).toBe(20);
    }
  });

  it("defaults to ratio 3 and a quiet zone of 10 narrow widths", () => {
    const d = code39("1", { height: 10, narrow: 1 });
    expect(d.width).toBe(3 * 15 + 2 + 20);
    const firstBar = d.shapes[0]!;
    expect(firstBar.kind === "rect" && firstBar.x).toBe(10);
  });

  it("draws 5 bars per character, start/stop included, and encodes the pattern", () => {
    const d = code39("2011937", { height: 24, narrow: 1, quiet: 0 });
    expect(d.shapes).toHaveLength(5 * 9);
    // Rebuild the element string from the rects: bar widths and the spaces between them.
    const rects = d.shapes.map((s) => (s.kind === "rect" ? s : null)).filter((s) => s !== null);
    let elements = "";
    for (let i = 0; i < rects.length; i++) {
      elements += rects[i]!.w === 3 ? "w" : "n";
      if (i + 1 < rects.length) {
        const space = rects[i + 1]!.x - (rects[i]!.x + rects[i]!.w);
        elements += space === 3 ? "w" : "n";
      }
    }
    // Characters are separated by the narrow inter-character gap ("n").
    const expected = [..."*2011937*"].map((c) => CODE39_PATTERNS[c]).join("n");
    expect(elements).toBe(expected);
  });

  it("throws a clear error naming the character it cannot encode", () => {
    expect(() => code39("AB#C", { height: 10, narrow: 1 })).toThrow(/"#".*position 2/);
    expect(() => code39("abc", { height: 10, narrow: 1 })).toThrow(/"a".*lower-case/);
    expect(() => code39("A*B", { height: 10, narrow: 1 })).toThrow(/"\*".*start\/stop/);
    expect(() => code39("文件", { height: 10, narrow: 1 })).toThrow(/"文" \(U\+6587\)/);
    expect(() => code39("", { height: 10, narrow: 1 })).toThrow(/empty/);
  });

  it("rejects bad dimensions", () => {
    expect(() => code39("1", { height: 0, narrow: 1 })).toThrow(/height/);
    expect(() => code39("1", { height: 10, narrow: -1 })).toThrow(/narrow/);
    expect(() => code39("1", { height: 10, narrow: 1, ratio: 4 })).toThrow(/ratio/);
    expect(() => code39("1", { height: 10, narrow: 1, quiet: Number.NaN })).toThrow(/quiet/);
  });

  it("renders a deterministic SVG with one rect per bar", () => {
    const d = code39("2011937", { height: 24, narrow: 0.75 });
    const svg = drawingToSvg(d);
    expect(svg).toBe(drawingToSvg(code39("2011937", { height: 24, narrow: 0.75 })));
    expect(svg.match(/<rect /g)).toHaveLength(45);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 [\d.]+ 24">/);
  });
});

describe("jobNumberBarcodeText()", () => {
  it("keeps only the digits of a job number", () => {
    expect(jobNumberBarcodeText("20-11937")).toBe("2011937");
    expect(jobNumberBarcodeText(" 20-11937 (C) ")).toBe("2011937");
    expect(jobNumberBarcodeText("N2011937")).toBe("2011937");
  });

  it("throws when no digit remains", () => {
    expect(() => jobNumberBarcodeText("ABC-")).toThrow(/no digits/);
    expect(() => jobNumberBarcodeText("")).toThrow(/no digits/);
  });
});

describe("Code 39 read back (a scanline decoder; zbarimg in the conformance suite)", () => {
  it("the decoder's table, built from the symbology's structure, agrees with the encoder's", () => {
    expect(new Map([...CODE39_DECODE].map(([p, ch]) => [ch, p]))).toEqual(new Map(Object.entries(CODE39_PATTERNS)));
  });

  it("decodes the UN job number barcode as 2011937", () => {
    const d = code39(jobNumberBarcodeText("20-11937"), { height: 24, narrow: 0.75 });
    for (const ppp of [3, 4, 300 / 72]) {
      expect([...decodeCode39(pngPixels(drawingToPng(d, ppp))).keys()], `ppp ${ppp}`).toEqual(["2011937"]);
    }
  });

  it("decodes every character of the symbology", () => {
    for (const text of ["0123456789", "ABCDEFGHIJKLM", "NOPQRSTUVWXYZ", "A-B.C D$E/F+G%H"]) {
      const d = code39(text, { height: 30, narrow: 1, ratio: 2.5 });
      expect([...decodeCode39(pngPixels(drawingToPng(d, 3))).keys()]).toEqual([text]);
    }
  });

  it("reads nothing from a damaged symbol (a bar removed) rather than a wrong text", () => {
    const d = code39("2011937", { height: 24, narrow: 1 });
    const damaged = { ...d, shapes: d.shapes.filter((_, i) => i !== 12) };
    expect([...decodeCode39(pngPixels(drawingToPng(damaged, 3))).keys()]).toEqual([]);
  });
});
