/** What the writer reads from and changes in TrueType fonts: signature, PANOSE, a renamed copy. */
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import { face } from "../../../src/fonts/registry.js";
import { standaloneSubset, standaloneSubsetTables } from "../../../src/fonts/font-subset.js";
import { sfntFile } from "../../../src/fonts/pdf-subset.js";
import { fontSignature, panose, renamedFont, renamedNames } from "../../../src/writers/docx/sfnt.js";

const fontkit = createRequire(import.meta.url)("fontkit") as typeof Fontkit;

/** Sum of a font's 32-bit words (the head table's checkSumAdjustment makes it 0xB1B0AFBA). */
function fontChecksum(data: Uint8Array): number {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  for (let i = 0; i + 4 <= data.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

describe("sfnt", () => {
  const latin = face("latin");

  it("reads the OS/2 signature and PANOSE Word's font table carries", () => {
    expect(panose(latin.bytes)).toBe("02020603050405020304");
    expect(fontSignature(latin.bytes)).toMatchObject({ usb0: expect.stringMatching(/^[0-9A-F]{8}$/), csb0: expect.stringMatching(/^[0-9A-F]{8}$/) });
  });

  it("renames a font: family, full and PostScript names, everything else kept, checksums right", () => {
    const renamed = renamedFont(latin.bytes, "undoc latin 123ABC", "undoc-latin-123ABC");
    const f = fontkit.create(Buffer.from(renamed)) as Fontkit.Font;
    expect(f.familyName).toBe("undoc latin 123ABC");
    expect(f.fullName).toBe("undoc latin 123ABC");
    expect(f.postscriptName).toBe("undoc-latin-123ABC");
    expect(f.numGlyphs).toBe(latin.font.numGlyphs);
    expect(f.layout("Office 2020").advanceWidth).toBe(latin.font.layout("Office 2020").advanceWidth);
    expect(fontChecksum(renamed)).toBe(0xb1b0afba);
  });

  it("renames a subset's name table before the file is written: the same bytes as renaming the written subset", () => {
    const sc = face("serif-sc");
    const cps = [..."安全理事会（2020）“阿里亚办法”，。"].map((c) => c.codePointAt(0)!);
    const tables = standaloneSubsetTables(sc.sfnt!, cps);
    const name = tables.find(([tag]) => tag === "name")!;
    name[1] = renamedNames(name[1], "undoc serif-sc 123ABC", "undoc-serif-sc-123ABC");
    const once = sfntFile("\x00\x01\x00\x00", tables, true);
    expect(Buffer.from(once).equals(Buffer.from(renamedFont(standaloneSubset(sc.sfnt!, cps), "undoc serif-sc 123ABC", "undoc-serif-sc-123ABC")))).toBe(true);
    expect(fontChecksum(once)).toBe(0xb1b0afba);
  });
});
