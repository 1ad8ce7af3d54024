/** The font table: keys derived from the fonts, obfuscation, the entries Word matches fonts by. */
import { describe, expect, it } from "vitest";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import { fontKey, obfuscateFont } from "../../../src/writers/docx/font-table.js";
import { fontPlan } from "../../../src/writers/docx/fonts.js";
import { defaultStyle, docxOf, parts, smallModel } from "./helpers.js";

describe("font obfuscation (ECMA-376 Part 1, 17.8.1)", () => {
  it("XORs the first 32 bytes with the GUID's bytes in reverse order, and undoes itself", () => {
    const font = Uint8Array.from({ length: 40 }, (_, i) => i);
    const key = "00112233-4455-6677-8899-AABBCCDDEEFF";
    const out = obfuscateFont(font, key);
    expect(out[0]).toBe(0 ^ 0xff);
    expect(out[15]).toBe(15 ^ 0x00);
    expect(out[16]).toBe(16 ^ 0xff);
    expect(out[31]).toBe(31 ^ 0x00);
    expect([...out.slice(32)]).toEqual([...font.slice(32)]);
    expect([...obfuscateFont(out, `{${key}}`)]).toEqual([...font]);
  });

  it("keys each face by its bytes: the same face, the same key", () => {
    const a = Uint8Array.from({ length: 64 }, (_, i) => i);
    expect(fontKey(a)).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(fontKey(a.slice())).toBe(fontKey(a));
    expect(fontKey(a.map((x) => x ^ 1))).not.toBe(fontKey(a));
  });
});

describe("word/fontTable.xml", () => {
  it("lists every font with its PANOSE, character set, family and signature, members as r:id with their key", async () => {
    const style = defaultStyle();
    const plan = fontPlan(smallModel(), style, faceSetFor(style), "subset");
    const { xml, bytes } = parts(await docxOf(smallModel(), { fonts: "subset" }));
    const table = xml["word/fontTable.xml"];
    const rels = xml["word/_rels/fontTable.xml.rels"];
    let members = 0;
    for (const f of plan.table) {
      const entry = new RegExp(`<w:font w:name="${f.name}">([\\s\\S]*?)</w:font>`).exec(table)![1];
      expect(entry).toMatch(/^<w:panose1 w:val="[0-9A-F]{20}"\/><w:charset w:val="(86|00)"\/><w:family w:val="(auto|roman)"\/><w:pitch w:val="variable"\/><w:sig /);
      for (const m of entry.matchAll(/<w:embed(Regular|Bold|Italic|BoldItalic) r:id="(rId\d+)" w:fontKey="\{([0-9A-F-]{36})\}" w:subsetted="1"\/>/g)) {
        members++;
        const target = new RegExp(`Id="${m[2]}" Type="[^"]+/font" Target="([^"]+)"`).exec(rels)![1];
        const font = obfuscateFont(bytes[`word/${target}`], m[3]);
        expect(fontKey(font)).toBe(m[3]); // the key is the font's own
        expect([...font.slice(0, 4)]).toEqual([0, 1, 0, 0]);
      }
    }
    expect(members).toBe(plan.table.reduce((n, f) => n + f.members.length, 0));
  });
});
