import { describe, expect, it } from "vitest";
import { Counters, formatNumber, labelText } from "../../src/model/numbering.js";
import { DEFAULT_NUMBERING } from "../../src/markup/to-model.js";

describe("formatNumber: Word's number formats", () => {
  it("counts in Chinese as Word's chineseCounting does", () => {
    const cases: [number, string][] = [[1, "一"], [9, "九"], [10, "十"], [11, "十一"], [19, "十九"], [20, "二十"], [21, "二十一"], [99, "九十九"], [100, "一百"], [101, "一百零一"], [110, "一百一十"], [115, "一百一十五"], [120, "一百二十"]];
    for (const [n, s] of cases) expect(formatNumber(n, "chineseCounting")).toBe(s);
  });
  it("writes roman numerals and repeats letters past Z, as Word does", () => {
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map((n) => formatNumber(n, "upperRoman"))).toEqual(["I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV"]);
    expect(formatNumber(3, "lowerRoman")).toBe("iii");
    expect([1, 26, 27, 28, 53].map((n) => formatNumber(n, "upperLetter"))).toEqual(["A", "Z", "AA", "BB", "AAA"]);
    expect(formatNumber(2, "lowerLetter")).toBe("b");
    expect(formatNumber(12, "decimal")).toBe("12");
  });
  it("puts the number into the level's text", () => {
    expect(labelText({ format: "lowerLetter", text: "(%1)" }, 3)).toBe("(c)");
    expect(labelText({ format: "lowerLetter", text: "%1)" }, 3)).toBe("c)");
    expect(labelText({ format: "bullet", text: "•" }, 3)).toBe("•");
  });
});

describe("Counters", () => {
  it("resets deeper heading levels when a heading of a higher level comes", () => {
    const c = new Counters(DEFAULT_NUMBERING);
    expect(c.next("heading", 1).text).toBe("I.");
    expect(c.next("heading", 2).text).toBe("A.");
    expect(c.next("heading", 2).text).toBe("B.");
    expect(c.next("heading", 3).text).toBe("1.");
    expect(c.next("heading", 1).text).toBe("II.");
    expect(c.next("heading", 2).text).toBe("A.");
  });
  it("runs paragraph numbers through the document; a number from the data sets the count", () => {
    const c = new Counters(DEFAULT_NUMBERING);
    expect([1, 2].map(() => c.next("paragraph", 1).text)).toEqual(["1.", "2."]);
    c.next("heading", 1);
    expect(c.next("paragraph", 1).text).toBe("3.");
    expect(c.next("paragraph", 1, 10)).toEqual({ text: "10.", counter: { scheme: "paragraph", level: 1, value: 10 } });
    expect(c.next("paragraph", 1).text).toBe("11.");
    c.restart("paragraph");
    expect(c.next("paragraph", 1).text).toBe("1.");
  });
});
