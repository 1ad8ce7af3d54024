/** The test helpers that read PDFs back must themselves see what they claim to: checked on small hand-made PDFs. */
import { describe, expect, it } from "vitest";
import { linesOf, pdfFonts, pdfInfo, pdfStructureProblems, pdfText, wordsOf, type TextItem } from "./pdf.js";

/** A one-page PDF with a correct cross-reference table; `font` is the font dictionary's body. */
function handMadePdf(content: string, font = "/Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    `<< ${font} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info << /Title (a \\(test\\)) >> >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const TEXT = "BT /F1 10 Tf 20 60 Td (Hello) Tj 40 0 Td (world) Tj ET BT /F1 10 Tf 20 30 Td (second line) Tj ET";

describe("pdfText", () => {
  it("reads lines top to bottom, with a space at a wide gap", async () => {
    const [page] = await pdfText(handMadePdf(TEXT));
    expect([page.width, page.height]).toEqual([200, 100]);
    expect(page.lines.map((l) => l.text)).toEqual(["Hello world", "second line"]);
    expect(page.lines[0].y).toBeCloseTo(40, 5); // baseline 60 pt from the bottom of a 100 pt page
    expect(page.lines[0].x).toBeCloseTo(20, 5);
    expect(wordsOf(page).map((w) => w.text)).toEqual(["Hello", "world", "second", "line"]);
  });

  it("names the fonts with fonts: true", async () => {
    const [page] = await pdfText(handMadePdf(TEXT), { fonts: true });
    expect(page.lines[0].fontName).toBe("Helvetica");
  });
});

describe("linesOf", () => {
  const item = (text: string, x: number, y: number, width = 12 * [...text].length, fontSize = 12): TextItem => ({ text, x, y, width, fontSize, fontName: "f" });

  it("groups by baseline within a small tolerance, then sorts by x, whatever the drawing order", () => {
    const lines = linesOf([item("界", 124, 100.5), item("二行", 100, 120), item("世", 112, 100), item("你好", 88, 99.8)]);
    expect(lines.map((l) => l.text)).toEqual(["你好世界", "二行"]);
  });

  it("adds one space where the gap exceeds a tenth of an em, nothing for touching or overlapping items", () => {
    expect(linesOf([item("a", 0, 10, 6), item("b", 6.5, 10, 6)])[0].text).toBe("ab");
    expect(linesOf([item("a", 0, 10, 6), item("b", 8, 10, 6)])[0].text).toBe("a b");
    expect(linesOf([item("a", 0, 10, 6), item("b", 100, 10, 6)])[0].text).toBe("a b");
    expect(linesOf([item("ab", 0, 10, 12), item("c", 6, 10, 6)])[0].text).toBe("abc"); // overlapping: nothing added
  });

  it("keeps lines further apart than the tolerance apart", () => {
    expect(linesOf([item("a", 0, 10), item("b", 20, 13)]).map((l) => l.text)).toEqual(["a", "b"]);
  });
});

describe("pdfFonts", () => {
  it("reports a standard font as not embedded, not a subset, without ToUnicode", () => {
    expect(pdfFonts(handMadePdf(TEXT))).toEqual([{ name: "Helvetica", type: "Type1", embedded: false, program: undefined, subset: false, toUnicode: false, pages: [1] }]);
  });
});

describe("pdfInfo", () => {
  it("gives pages, sizes and the information dictionary", async () => {
    const info = await pdfInfo(handMadePdf(TEXT));
    expect(info.pages).toBe(1);
    expect(info.sizes).toEqual([{ width: 200, height: 100 }]);
    expect(info.info.Title).toBe("a (test)");
  });
});

describe("pdfStructureProblems", () => {
  const good = handMadePdf(TEXT);
  const text = new TextDecoder("latin1").decode(good);
  const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

  it("finds nothing wrong with a sound file", () => {
    expect(pdfStructureProblems(good)).toEqual([]);
  });

  it("finds an object the cross-reference table misplaces", () => {
    const bad = text.replace(/(xref\n0 6\n0000000000 65535 f \n)(\d{10})/, (_, head: string, off: string) => `${head}${String(Number(off) + 3).padStart(10, "0")}`);
    expect(pdfStructureProblems(bytes(bad)).join("\n")).toMatch(/puts object 1 at byte/);
  });

  it("finds a stream whose /Length is wrong", () => {
    const bad = text.replace(`/Length ${TEXT.length}`, `/Length ${TEXT.length - 5}`);
    expect(pdfStructureProblems(bytes(bad)).join("\n")).toMatch(/object 5: \/Length \d+ does not end at "endstream"/);
  });

  it("finds a truncated file and a wrong page count", () => {
    expect(pdfStructureProblems(good.subarray(0, good.length - 30)).join("\n")).toMatch(/no startxref/);
    expect(pdfStructureProblems(bytes(text.replace("/Count 1", "/Count 2"))).join("\n")).toMatch(/\/Count is 2, it holds 1 pages/);
  });
});
