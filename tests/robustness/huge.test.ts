/**
 * Huge input: a letter of 10,000 paragraphs, through the whole pipeline from YAML text, to PDF
 * and DOCX. Every paragraph must come out, in order; the PDF must be structurally sound (qpdf
 * --check in tests/conformance/pdf.test.ts, on a long letter); the DOCX must be a valid package. (bench/big-document.mjs measures time and memory at 5, 50 and 500 pages.)
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseData } from "../../src/input/load.js";
import { renderData } from "../../src/render/pipeline.js";
import { docxProblems, docxText } from "../property/xml.js";
import { pdfInfo, pdfStructureProblems } from "../helpers/pdf.js";
import { bodyText, squash } from "./pdf-text.js";
import { MINIMAL_YAML } from "../helpers.js";

const COUNT = 10_000;
const WORDS = ["安全理事会", "会员国", "白俄罗斯", "人权", "特别报告员", "欧安组织", "2020年9月4日", "S/2020/905", "呼吁", "对话"];

/** Paragraph n: its number and a few words, 20 to 40 characters. */
const paragraph = (n: number) => `第${n}段：${Array.from({ length: 2 + (n % 4) }, (_, k) => WORDS[(n * 7 + k * 3) % WORDS.length]).join("，")}。`;

const yaml = MINIMAL_YAML.replace("    - 第一段。\n", `${Array.from({ length: COUNT }, (_, i) => `    - ${paragraph(i + 1)}`).join("\n")}\n`);

describe(`a letter of ${COUNT.toLocaleString("en")} paragraphs`, () => {
  it("renders every paragraph, in order, to a valid PDF and DOCX", async () => {
    const t0 = performance.now();
    const data = parseData(yaml, "huge.yaml");
    const parsed = performance.now() - t0;
    expect(data.letter.paragraphs).toHaveLength(COUNT);
    const { pdf, docx } = await renderData(data);
    const rendered = performance.now() - t0;
    const dir = mkdtempSync(join(tmpdir(), "undoc-huge-"));
    const file = join(dir, "huge.pdf");
    writeFileSync(file, pdf!);
    expect(pdfStructureProblems(pdf!)).toEqual([]);
    const { pages } = await pdfInfo(pdf!);
    expect(pages).toBeGreaterThan(300);
    // the PDF's text block, page after page, ends with exactly the letter's paragraphs and signature
    const text = await bodyText(file);
    const expected = squash(data.letter.paragraphs.join("") + "大使某某(签名)");
    expect(text.endsWith(expected)).toBe(true);
    expect(await docxProblems(docx!)).toEqual([]);
    const words = squash(await docxText(docx!));
    expect(words).toContain(expected.slice(0, -"大使某某(签名)".length));
    console.log(`${COUNT} paragraphs: parsed in ${Math.round(parsed)} ms, PDF (${pages} pages) and DOCX in ${Math.round(rendered)} ms`);
    expect(rendered).toBeLessThan(120_000);
  }, 240_000);
});
