/** The text parts' deflate encoder (src/writers/docx/deflate.ts): what it writes inflates back exactly. */
import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { deflateFixed } from "../../../src/writers/docx/deflate.js";

const back = (d: Uint8Array) => new Uint8Array(inflateRawSync(deflateFixed(d)));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/** Bytes from a fixed generator: runs, repeats at every distance up to the window, noise. */
function mixed(length: number, seed: number): Uint8Array {
  const d = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; ) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const kind = s % 5;
    const len = 1 + ((s >>> 7) % 300);
    const dist = 1 + ((s >>> 11) % 40000);
    for (let k = 0; k < len && i < length; k++, i++) d[i] = kind === 0 ? 7 : kind === 1 && i >= dist ? d[i - dist]! : kind === 2 ? (s >>> 16) & 255 : (Math.imul(s, i + 1) >>> 9) & 255;
  }
  return d;
}

describe("deflateFixed", () => {
  it("round-trips the edge cases: empty, one byte, runs longer than a match, every byte value", () => {
    for (const d of [new Uint8Array(0), Uint8Array.of(65), Uint8Array.of(1, 2), new Uint8Array(1000).fill(9), Uint8Array.from({ length: 256 }, (_, i) => i), new TextEncoder().encode("abcabcabcabcabc".repeat(100))]) {
      expect(same(back(d), d)).toBe(true);
    }
  });

  it("round-trips large mixed data with matches at distances up to the 32 KB window", () => {
    for (const seed of [1, 2, 3]) {
      const d = mixed(300_000, seed);
      expect(same(back(d), d)).toBe(true);
    }
  });

  it("round-trips any bytes (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 1, max: 6 }), (d, times) => {
        const repeated = new Uint8Array(d.length * times);
        for (let t = 0; t < times; t++) repeated.set(d, t * d.length);
        return same(back(repeated), repeated);
      }),
      { numRuns: 200 },
    );
  });

  it("compresses XML as a DOCX holds it, and writes the same bytes every time (stored)", () => {
    const xml = new TextEncoder().encode(
      Array.from({ length: 300 }, (_, i) => `<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">段落 ${i} text</w:t></w:r></w:p>`).join(""),
    );
    const z = deflateFixed(xml);
    expect(z.length).toBeLessThan(xml.length / 8);
    expect(createHash("sha256").update(z).digest("hex")).toBe(createHash("sha256").update(deflateFixed(xml.slice())).digest("hex"));
  });
});
