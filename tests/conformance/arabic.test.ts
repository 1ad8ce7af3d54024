/**
 * The Arabic example's DOCX laid out by LibreOffice (the Word stand-in here) against undoc's PDF:
 * the same number of pages, right-to-left lines (flush with the right edge of the text column),
 * the mirrored masthead, every paragraph's words there.
 */
import { afterAll, beforeAll, describe, expect } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { UnDocumentData } from "../../src/input/schema.js";
import type { Rendered } from "../../src/render/pipeline.js";
import { pageSize } from "../../src/style/style.js";
import { paragraphsOf, renderedFile } from "../writers/docx/helpers.js";
import { libreOffice, pageCount, textBlockPages, type Converted } from "./libreoffice.js";
import { check, run, willRun, type Program } from "./tools.js";

const NEEDS: Program[] = ["soffice", "pdftotext", "pdfinfo"];
const FILE = "examples/arria-belarus-2020.ar.yaml";

let data: UnDocumentData;
let rendered: Rendered;
let lo: Converted;
let pdf: string;

beforeAll(async () => {
  if (!willRun(NEEDS)) return;
  ({ data, rendered } = await renderedFile(FILE));
  lo = libreOffice(rendered.docx!);
  pdf = join(lo.dir, "undoc.pdf");
  writeFileSync(pdf, rendered.pdf!);
}, 300_000);

afterAll(() => lo?.cleanup());

interface Word {
  xMin: number;
  xMax: number;
  yMin: number;
  text: string;
}

/** The words of a page with their boxes (pdftotext -bbox). */
function words(file: string, page: number): Word[] {
  const html = run("pdftotext", ["-enc", "UTF-8", "-bbox", "-f", String(page), "-l", String(page), file, "-"]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4] }));
}

/** Lines of body text (between the margins) as [left end, right end], by baseline band. */
function lineEnds(file: string, page: number): { left: number; right: number }[] {
  const { top, bottom } = rendered.style.page.margin;
  const { height } = pageSize(rendered.style);
  const lines: Word[][] = [];
  const body = words(file, page).filter((w) => w.yMin > top && w.yMin < height - bottom).sort((a, b) => a.yMin - b.yMin);
  for (const w of body) {
    const line = lines.find((l) => Math.abs(l[0].yMin - w.yMin) < 4);
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines.map((ws) => ({ left: Math.min(...ws.map((w) => w.xMin)), right: Math.max(...ws.map((w) => w.xMax)) }));
}

const letters = (s: string) => s.normalize("NFC").replace(/[^\p{L}\p{N}]/gu, "");

describe("the Arabic DOCX laid out by LibreOffice", () => {
  check("has as many pages as undoc's PDF", NEEDS, () => {
    expect(pageCount(lo.file)).toBe(pageCount(pdf));
    expect(pageCount(pdf)).toBe(4);
  });

  check("sets its lines right to left: flush with the right edge of the column, ragged at the left", NEEDS, () => {
    const { width } = pageSize(rendered.style);
    // (undoc's own PDF: tests/writers/pdf/arabic.test.ts reads its positions; poppler spreads a
    // line's ActualText evenly over the line, so its word boxes say little there)
    for (const file of [lo.file]) {
      const ends = lineEnds(file, 2);
      expect(ends.length, file).toBeGreaterThan(15);
      // most lines of a justified page end at one right edge (the column's, 36 pt in from the
      // margin); the left ends vary (last lines, labels, headings)
      const rights = ends.map((e) => Math.round(e.right));
      const count = (xs: number[], x: number) => xs.filter((r) => Math.abs(r - x) <= 1.5).length;
      const edge = rights.reduce((a, b) => (count(rights, b) > count(rights, a) ? b : a));
      expect(edge, file).toBeCloseTo(width - rendered.style.page.margin.right - 36, -0.5);
      expect(count(rights, edge) / rights.length, file).toBeGreaterThan(0.6);
      const lefts = ends.map((e) => Math.round(e.left));
      expect(new Set(lefts).size, `${file}: ragged at the left`).toBeGreaterThan(new Set(rights).size);
    }
  });

  check("mirrors the masthead: the symbol and the distribution block at the left, the organ at the right", NEEDS, () => {
    const { width } = pageSize(rendered.style);
    for (const file of [lo.file, pdf]) {
      const ws = words(file, 1);
      const symbol = ws.find((w) => w.text.includes("S/2020/905"))!;
      const distr = ws.find((w) => w.text.includes("Distr."))!;
      expect(symbol.xMax, file).toBeLessThan(width / 2);
      expect(distr.xMax, file).toBeLessThan(width / 2);
      const lineOf = (w: Word) => ws.filter((x) => Math.abs(x.yMin - w.yMin) < 3).map((x) => x.text).join(" ");
      expect(lineOf(distr), file).toContain("Distr.: General");
      expect(ws.some((w) => w.text === "20-11937" && w.xMin > width / 2), `${file}: the job number at the right`).toBe(true);
    }
  });

  check("holds every paragraph's words in the text block", NEEDS, () => {
    const pages = textBlockPages(lo.file, rendered.style);
    const text = letters(pages.join(""));
    for (const p of paragraphsOf(data)) expect(text, p).toContain(letters(p));
  });
});
