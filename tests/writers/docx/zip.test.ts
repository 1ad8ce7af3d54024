/**
 * The zip's compression gives the same bytes on every machine (src/writers/docx/zip.ts): fonts made
 * for a document are deflated with zlib's run-length strategy, which chooses no matches by hash.
 */
import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { deflateRunLength } from "../../../src/run-length-deflate.js";
import { isFontData, zipEntries } from "../../../src/writers/docx/zip.js";

/** Font-like bytes (runs, short repeats, noise) from a fixed generator: 300 KB, many deflate blocks. */
function fontLikeBytes(): Uint8Array {
  const data = new Uint8Array(300_000);
  let s = 12345;
  for (let i = 0; i < data.length; ) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const kind = s % 4;
    const len = 1 + ((s >>> 8) % 40);
    for (let k = 0; k < len && i < data.length; k++, i++) {
      data[i] = kind === 0 ? 0 : kind === 1 ? (s >>> 16) & 255 : kind === 2 ? (i & 7) * 17 : (Math.imul(s, i + 1) >>> 13) & 255;
    }
  }
  return data;
}

describe("run-length deflate of fonts", () => {
  it("writes the bytes canonical zlib writes (stored here: a change of Node's zlib that alters them fails)", () => {
    const out = deflateRunLength(fontLikeBytes());
    // the same length and SHA-256 as zlib 1.2.13 (Debian's libz, Python's zlib.compressobj(6,
    // DEFLATED, -15, 8, Z_RLE)) gives for these bytes: what every CPU gives, as no hash is involved
    expect(out.length).toBe(136750);
    expect(createHash("sha256").update(out).digest("hex")).toBe("4cb1b5a71a9efc82bc93d276f85450f3a42bfa2d9b0bcf43b7ed37adac65f7ed");
    expect(Buffer.compare(inflateRawSync(out), Buffer.from(fontLikeBytes()))).toBe(0);
  });

  it("is used for font parts only; text parts keep LZ77", () => {
    expect(isFontData("word/fonts/font3.odttf")).toBe(true);
    expect(isFontData("word/document.xml")).toBe(false);
    const font = fontLikeBytes();
    const xml = new TextEncoder().encode("<w:p><w:r><w:t>text</w:t></w:r></w:p>".repeat(2000));
    const zip = zipEntries(
      [
        { name: "word/document.xml", data: xml },
        { name: "word/fonts/font1.odttf", data: font },
      ],
      new Date(0),
    );
    const back = unzipSync(zip);
    expect(Buffer.compare(Buffer.from(back["word/fonts/font1.odttf"]), Buffer.from(font))).toBe(0);
    expect(new TextDecoder().decode(back["word/document.xml"])).toBe(new TextDecoder().decode(xml));
    // the font's compressed bytes are the run-length deflate's, stored right after its local header
    const rle = deflateRunLength(font);
    const at = Buffer.from(zip).indexOf(Buffer.from(rle.subarray(0, 64)));
    expect(at).toBeGreaterThan(0);
    // the XML, LZ77-deflated, is far smaller than run-length would make it
    expect(zip.length - rle.length).toBeLessThan(deflateRunLength(xml).length / 4);
  });
});
