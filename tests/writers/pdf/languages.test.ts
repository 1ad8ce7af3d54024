/**
 * The English, French, Spanish and Russian examples read back from their PDFs: quotation marks,
 * apostrophes and dashes from the Latin face (never full width), no line broken inside a word
 * except at a printed hyphen, and justified lines whose word spaces stay narrow.
 */
import { describe, expect, it } from "vitest";
import { loadDataFile } from "../../../src/input/load.js";
import type { Block, Document, Inline } from "../../../src/model/types.js";
import { plainText } from "../../../src/model/types.js";
import { renderData } from "../../../src/render/pipeline.js";
import { pdfRuns, pdfText, wordsOf, type TextPage, type Word } from "../../helpers/pdf.js";

const LANGS = ["en", "fr", "es", "ru"] as const;

function texts(doc: Document): string[] {
  const out: string[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.type === "heading" || b.type === "paragraph") out.push(plainText(b.children));
      else if (b.type === "list") for (const it of b.items) out.push(plainText(it.children));
      else if (b.type === "quote") walk(b.blocks);
      else if (b.type === "signature") out.push(...b.lines.map((l: Inline[]) => plainText(l)));
    }
  };
  walk(doc.body);
  return out;
}

interface Rendered {
  pdf: Uint8Array;
  model: Document;
  pages: TextPage[];
  size: number;
}

const rendered = new Map<string, Promise<Rendered>>();
function render(lang: string): Promise<Rendered> {
  let r = rendered.get(lang);
  if (!r) {
    r = (async () => {
      const { data } = loadDataFile(`examples/arria-belarus-2020.${lang}.yaml`);
      const out = await renderData(data, { formats: ["pdf"] });
      return { pdf: out.pdf!, model: out.model, pages: await pdfText(out.pdf!, { fonts: true }), size: out.style.text.size };
    })();
    rendered.set(lang, r);
  }
  return r;
}

/** Body lines: set in the body size, between the running header and footer. */
function bodyLines(r: Rendered) {
  return r.pages.flatMap((p) => p.lines.filter((l) => Math.abs(l.fontSize - r.size) < 0.01 && l.y > 72 && l.y < p.height - 72).map((l) => ({ ...l, page: p })));
}

/** Words of a body line (a line's text split at spaces and wide gaps). */
function lineWords(line: ReturnType<typeof bodyLines>[number]): Word[] {
  return wordsOf({ ...line.page, lines: [line] });
}

describe.each(LANGS)("the %s example", (lang) => {
  it("takes quotation marks, apostrophes and dashes from the Latin face, at their Latin width", async () => {
    const r = await render(lang);
    const marked = r.pages.flatMap((p) => p.lines.flatMap((l) => l.items)).filter((i) => /[’‘“”—–«»„]/.test(i.text));
    expect(marked.length, "the example has quotes or apostrophes").toBeGreaterThan(0);
    for (const item of marked) expect(item.fontName, item.text).toMatch(/Liberation/);
  });

  it("breaks lines only between words or at a hyphenation point with the hyphen printed", async () => {
    const r = await render(lang);
    const words = new Set(texts(r.model).flatMap((t) => t.split(/[\s\u00A0\u202F]+/)).filter(Boolean));
    const lines = bodyLines(r);
    const right = Math.max(...lines.map((l) => l.xMax));
    let hyphenated = 0;
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      // only lines set to the full measure: a paragraph's last line ends where its text ends
      if (!next || Math.abs(line.xMax - right) > 0.5) return;
      const ws = lineWords(line);
      const last = ws[ws.length - 1].text;
      if (words.has(last)) return;
      const first = lineWords(next)[0].text;
      expect(last, `line ends inside a word: "${line.text}"`).toMatch(/[-\u2010]$/);
      const joined = last.replace(/[-\u2010]$/, "") + first;
      expect(words.has(joined) || words.has(last.replace(/\u2010$/, "-") + first), `"${last}" + "${first}" is no word of the text`).toBe(true);
      hyphenated++;
    });
    expect(hyphenated).toBeGreaterThanOrEqual(0);
  });

  it("justifies with word spaces of at most 0.4 em (median of every full line)", async () => {
    const r = await render(lang);
    const pages = await pdfRuns(r.pdf);
    const lines = bodyLines(r);
    const right = Math.max(...lines.map((l) => l.xMax));
    let full = 0;
    for (const line of lines) {
      if (Math.abs(line.xMax - right) > 0.5) continue;
      // the line's runs as drawn, left to right: the gaps between them are its word spaces
      const runs = pages[line.page.number - 1].filter((g) => Math.abs(g.y - line.y) < 0.5 && g.text.trim()).sort((a, b) => a.x - b.x);
      const gaps = runs.slice(1).map((g, k) => (g.x - runs[k].xMax) / r.size).filter((gap) => gap > 0.05).sort((a, b) => a - b);
      if (gaps.length < 2) continue;
      const median = gaps[Math.floor(gaps.length / 2)];
      expect(median, `word spaces of "${line.text}"`).toBeLessThanOrEqual(0.4);
      expect(median).toBeGreaterThanOrEqual(0.2 - 0.01);
      full++;
    }
    expect(full).toBeGreaterThan(3);
  });
});
