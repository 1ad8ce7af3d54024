import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseStyle } from "../../src/style/style.js";
import { DEFAULT_TEMPLATES } from "../../src/render/pipeline.js";
import { errorOf } from "../helpers.js";

const base = readFileSync(join(DEFAULT_TEMPLATES, "style.yaml"), "utf8");
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

/** style.yaml with one line changed: the STYLE error it gives, and the line it should name. */
function refused(from: string, to: string) {
  expect(base).toContain(from);
  const text = base.replace(from, to);
  const e = errorOf(() => parseStyle(text, "style.yaml"));
  return { e, line: lineOf(text, to.trim()) };
}

describe("style values the schema accepts but the page cannot hold", () => {
  it.each([
    ["a body size that leaves no line on the page", "  size: 12\n", "  size: 2000\n", "text.size", "text size of 2000 pt"],
    ["an invisible body size", "  size: 12\n", "  size: 0\n", "text.size", "text size of 0 pt"],
    ["a negative left indent", "heading2:  { weight: bold,", "heading2:  { leftIndentEm: -20, weight: bold,", "paragraphs.heading2.leftIndentEm", "negative"],
    ["a QR code of no size", "  qrSize: 48", "  qrSize: 0", "firstPageFooter.qrSize", "cannot be scanned"],
    ["a barcode of no width", "  barcodeNarrow: 0.9", "  barcodeNarrow: 0", "firstPageFooter.barcodeNarrow", "cannot be scanned"],
    ["an emblem wider than the page", "  emblemSize: 34", "  emblemSize: 2000", "masthead.emblemSize", "wider than half the text block"],
    ["margins wider than the page", "margin: { top: 72, bottom: 72, left: 96, right: 96 }", "margin: { top: 72, bottom: 72, left: 400, right: 400 }", "page.margin.left", "less than 6 characters"],
    ["an unknown face", "regular: { cjk: serif-sc, latin: latin }", "regular: { cjk: serif-tc, latin: latin }", "fonts.regular.cjk", 'no font face "serif-tc"'],
  ])("%s: a STYLE error at the style.yaml line", (_, from, to, path, message) => {
    const { e, line } = refused(from, to);
    expect(e.code).toBe("STYLE");
    expect(e.location).toMatchObject({ file: "style.yaml", path, line });
    expect(e.message).toContain(message);
  });

  it("accepts the bundled style", () => {
    expect(parseStyle(base, "style.yaml").text.size).toBe(12);
  });
});
