/** The finishing step: obfuscation, the deterministic zip. */
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { obfuscateFont } from "../../../src/writers/docx/package.js";
import { zipEntries } from "../../../src/writers/docx/zip.js";

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
});

describe("zip", () => {
  const entries = [
    { name: "[Content_Types].xml", data: new TextEncoder().encode("<Types/>".repeat(50)) },
    { name: "word/media/a.png", data: Uint8Array.from({ length: 100 }, (_, i) => (i * 7919) % 256) },
  ];

  it("writes the same bytes whatever the time zone, dated from the date's UTC fields", () => {
    const date = new Date("2020-09-16T23:30:10Z");
    const tz = process.env.TZ;
    try {
      process.env.TZ = "Asia/Shanghai";
      const a = zipEntries(entries, date);
      process.env.TZ = "America/New_York";
      const b = zipEntries(entries, date);
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
      const dv = new DataView(a.buffer);
      expect(dv.getUint16(12, true)).toBe(((2020 - 1980) << 9) | (9 << 5) | 16);
      expect(dv.getUint16(10, true)).toBe((23 << 11) | (30 << 5) | 5);
    } finally {
      process.env.TZ = tz;
    }
  });

  it("is a valid zip, entries in the given order", () => {
    const zip = zipEntries(entries, new Date("1970-01-01T00:00:00Z"));
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(entries.map((e) => e.name));
    expect([...back["word/media/a.png"]]).toEqual([...entries[1].data]);
    // Info-ZIP's unzip -t reads it too: tests/conformance/zip.test.ts
  });
});
