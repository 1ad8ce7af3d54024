import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataFile } from "../../../src/input/load.js";
import { renderData } from "../../../src/render/pipeline.js";
import type { UnDocumentData } from "../../../src/input/schema.js";

const dir = mkdtempSync(join(tmpdir(), "undoc-pdf-"));
const pdfPath = join(dir, "example.pdf");
let data: UnDocumentData;
let pdf: Uint8Array;

const squash = (s: string) => s.replace(/\s+/g, "");

function paragraphsOf(d: UnDocumentData): string[] {
  return [
    ...d.letter.paragraphs,
    ...(d.annex?.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.content.flatMap((c) => (typeof c === "string" ? [c] : c.bullets))]) ?? []),
    d.annex?.title ?? "",
  ];
}

beforeAll(async () => {
  data = loadDataFile("examples/arria-belarus-2020.zh.yaml").data;
  pdf = (await renderData(data, { formats: ["pdf"] })).pdf!;
  writeFileSync(pdfPath, pdf);
});

describe("PDF writer on the example", () => {
  it("extracts every paragraph of the example", async () => {
    // read the text block only (a paragraph split over two pages is interrupted by the running parts)
    const { styleOf, DEFAULT_TEMPLATES } = await import("../../../src/render/pipeline.js");
    const style = styleOf(DEFAULT_TEMPLATES);
    const height = 792 - style.page.margin.top - style.page.margin.bottom;
    const crop = ["-x", "0", "-y", String(style.page.margin.top), "-W", "612", "-H", String(height), "-r", "72"];
    const text = squash(execFileSync("pdftotext", [...crop, "-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" }));
    for (const p of paragraphsOf(data)) expect(text).toContain(squash(p));
  });

  it("embeds subset fonts, and only them", () => {
    const out = execFileSync("pdffonts", [pdfPath], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const line of out) {
      // name starts with a subset tag ABCDEF+; columns: emb sub uni = yes yes yes
      expect(line).toMatch(/^[A-Z]{6}\+/);
      expect(line).toMatch(/yes\s+yes\s+yes/);
    }
    expect(out.some((l) => l.includes("NotoSerifCJKsc"))).toBe(true);
  });

  it("has no glyph missing: every character of the text maps to a real glyph", async () => {
    const { faceSetFor } = await import("../../../src/fonts/face-set.js");
    const { styleOf, DEFAULT_TEMPLATES } = await import("../../../src/render/pipeline.js");
    const { usesCjkFace } = await import("../../../src/typeset/classify.js");
    const faces = faceSetFor(styleOf(DEFAULT_TEMPLATES));
    const missing: string[] = [];
    for (const ch of new Set([...paragraphsOf(data).join("")])) {
      const face = usesCjkFace(ch) ? faces.regular.cjk : faces.regular.latin;
      if (!face.font.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.push(ch);
    }
    expect(missing).toEqual([]);
    // and the PDF text round-trips (a .notdef glyph would extract as nothing or garbage)
    const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" }));
    for (const ch of new Set(squash(paragraphsOf(data).join("")))) expect(text).toContain(ch);
  });

  it("puts the letter on page 1 and the annex from page 2", () => {
    const page = (n: number) => squash(execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" }));
    expect(page(1)).toContain(squash(data.letter.paragraphs[0]));
    expect(page(1)).not.toContain("的信的附件");
    expect(page(2)).toContain("的信的附件");
  });

  it("is byte-identical when rendered twice", async () => {
    const again = (await renderData(data, { formats: ["pdf"] })).pdf!;
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });
});
