import { describe, expect, it } from "vitest";
import { commonPlain, NOT_PLAIN, PLAIN } from "../../src/fonts/shape.js";

describe("commonPlain", () => {
  it("takes only characters the two expressions take (PLAIN, not NOT_PLAIN)", () => {
    let taken = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (!commonPlain(ch)) continue;
      taken++;
      expect(PLAIN.test(ch) && !NOT_PLAIN.test(ch), `U+${c.toString(16)}`).toBe(true);
    }
    expect(taken).toBeGreaterThan(20000);
    expect(commonPlain("S/2020/905 联合国")).toBe(true);
    expect(commonPlain("e\u0301")).toBe(false);
    expect(commonPlain("\u200b")).toBe(false);
  });
});
