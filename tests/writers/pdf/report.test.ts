/**
 * The report example read back from its PDF, page by page: footnotes at the foot of their
 * reference's page (continuing only when they must), a table's header rows again on every page
 * it continues on, paragraph numbers running through the sections.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadDataFile } from "../../../src/input/load.js";
import { footnotesIn } from "../../../src/layout/roles.js";
import type { Block, Document, Footnote, Inline, Table } from "../../../src/model/types.js";
import { plainText } from "../../../src/model/types.js";
import { renderData } from "../../../src/render/pipeline.js";
import type { Style } from "../../../src/style/style.js";
import { pdfText, squash, type TextPage } from "../../helpers/pdf.js";

let model: Document;
let style: Style;
let pages: TextPage[];

beforeAll(async () => {
  const { data } = loadDataFile("examples/committee-report-2021.zh.yaml");
  const r = await renderData(data, { formats: ["pdf"] });
  model = r.model;
  style = r.style;
  pages = await pdfText(r.pdf!);
});

/** Every inline run of the body, in reading order (cells, items and notes' references included). */
function inlinesOf(blocks: Block[]): Inline[][] {
  const out: Inline[][] = [];
  for (const b of blocks) {
    if (b.type === "heading" || b.type === "paragraph") out.push(b.children);
    else if (b.type === "list") for (const it of b.items) out.push(it.children, ...(it.sublist ? inlinesOf([it.sublist]) : []));
    else if (b.type === "table") for (const r of [...b.header, ...b.rows]) for (const c of r.cells) out.push(...inlinesOf(c.blocks));
    else if (b.type === "quote") out.push(...inlinesOf(b.blocks));
    else if (b.type === "signature") out.push(...b.lines);
  }
  return out;
}

const notes = (): Footnote[] => inlinesOf(model.body).flatMap(footnotesIn);
const noteSize = () => style.paragraphs.footnote.size!;
/** Lines of the footnote area: from the first line set in the footnote size (less its number, raised above it) down to the foot of the text block. */
function noteLines(p: TextPage) {
  const first = p.lines.find((l) => Math.abs(l.fontSize - noteSize()) < 0.01 && l.y > style.page.margin.top);
  if (!first) return [];
  return p.lines.filter((l) => l.y >= first.y - noteSize() && l.y <= p.height - style.page.margin.bottom && l.fontSize <= noteSize() + 0.01);
}
const noteText = (p: TextPage) => squash(noteLines(p).map((l) => l.text).join(""));
/** Superscript references in the body: items smaller than the body text, above the notes. */
function referencesOn(p: TextPage): string[] {
  const firstNote = noteLines(p)[0]?.y ?? Infinity;
  const body = style.text.size;
  return p.lines.filter((l) => l.y < firstNote - 1).flatMap((l) => l.items.filter((i) => i.fontSize < body * 0.8 && /^\d+$/.test(i.text)).map((i) => i.text));
}

describe("footnotes in the PDF", () => {
  it("sets each note at the foot of the page that holds its reference, numbered in order", () => {
    const all = notes();
    expect(all.map((n) => n.label)).toEqual(all.map((_, i) => String(i + 1)));
    for (const n of all) {
      const page = pages.findIndex((p) => referencesOn(p).includes(n.label));
      expect(page, `reference ${n.label}`).toBeGreaterThanOrEqual(0);
      const start = squash(plainText(n.paragraphs[0])).slice(0, 12);
      // the note starts on the reference's page: its number, then its first words
      expect(noteText(pages[page]), `note ${n.label} on page ${page + 1}`).toContain(`${n.label}${start}`);
    }
  });

  it("continues a note that does not fit on the next page's foot, before that page's own notes", () => {
    const continued = notes().filter((n) => {
      const page = pages.findIndex((p) => referencesOn(p).includes(n.label));
      return !noteText(pages[page]).includes(squash(n.paragraphs.map(plainText).join("")));
    });
    // the example is written so that one note must go on
    expect(continued.length).toBeGreaterThanOrEqual(1);
    for (const n of continued) {
      const page = pages.findIndex((p) => referencesOn(p).includes(n.label));
      const whole = squash(n.paragraphs.map(plainText).join(""));
      const here = noteText(pages[page]);
      const shown = here.slice(here.indexOf(`${n.label}${whole.slice(0, 12)}`) + n.label.length);
      const rest = whole.slice(shown.length);
      expect(rest.length).toBeGreaterThan(0);
      // the rest opens the next page's notes
      expect(noteText(pages[page + 1]).startsWith(rest), `note ${n.label} goes on at the top of page ${page + 2}'s notes`).toBe(true);
    }
  });
});

describe("tables in the PDF", () => {
  it("repeats the header rows at the top of each page a table continues on", () => {
    const tables = model.body.filter((b): b is Table => b.type === "table");
    const spanning = tables.filter((t) => {
      const first = squash(t.rows[0].cells.map((c) => c.blocks.map((b) => (b.type === "paragraph" ? plainText(b.children) : "")).join("")).join(""));
      const last = squash(t.rows[t.rows.length - 1].cells.map((c) => c.blocks.map((b) => (b.type === "paragraph" ? plainText(b.children) : "")).join("")).join(""));
      const on = (s: string) => pages.findIndex((p) => squash(p.lines.map((l) => l.text).join("")).includes(s));
      return on(first) !== on(last);
    });
    expect(spanning.length, "the example has a table over a page break").toBeGreaterThanOrEqual(1);
    const cellText = (c: Table["rows"][number]["cells"][number]) => squash(c.blocks.map((b) => (b.type === "paragraph" ? plainText(b.children) : "")).join(""));
    for (const t of spanning) {
      const header = t.header[0].cells.map(cellText);
      const rows = t.rows.map((r) => squash(r.cells.map(cellText).join("")));
      const pagesWithRows = pages.filter((p) => rows.some((r) => squash(p.lines.map((l) => l.text).join("")).includes(r)));
      expect(pagesWithRows.length).toBeGreaterThanOrEqual(2);
      for (const p of pagesWithRows) {
        // above the first row of the table on this page: the header row, whose cells may wrap over lines
        const text = squash(p.lines.filter((l) => l.y > style.page.margin.top).map((l) => l.text).join(""));
        const firstRow = Math.min(...rows.map((r) => text.indexOf(r)).filter((i) => i >= 0));
        const above = text.slice(Math.max(0, firstRow - 80), firstRow);
        expect(above, `header rows above the table's rows on page ${p.number}`).toContain(header[0]);
        for (const cell of header) expect(above).toContain(cell.slice(0, 2));
      }
    }
  });
});

describe("numbering in the PDF", () => {
  it("numbers the annex's paragraphs 1, 2, 3 ... through its sections, in reading order", () => {
    const numbered = model.body.filter((b): b is Extract<Block, { type: "paragraph" }> => b.type === "paragraph" && !!b.label);
    expect(numbered.map((b) => b.label!.text)).toEqual(numbered.map((_, i) => `${i + 1}.`));
    const text = squash(pages.map((p) => p.lines.map((l) => l.text).join("")).join(""));
    let from = 0;
    for (const b of numbered) {
      const at = text.indexOf(squash(`${b.label!.text}${plainText(b.children)}`.slice(0, 16)), from);
      expect(at, `paragraph ${b.label!.text}`).toBeGreaterThanOrEqual(from);
      from = at;
    }
  });

  it("numbers chapters 一. 二. and subheadings A. B. in the locale's formats", () => {
    const headings = model.body.filter((b): b is Extract<Block, { type: "heading" }> => b.type === "heading" && b.role === "section");
    expect(headings.filter((h) => h.level === 1).map((h) => h.label?.text)).toEqual(["一.", "二.", "三.", "四."]);
    expect(headings.filter((h) => h.level === 2).map((h) => h.label?.text)).toEqual(["A.", "B.", "C."]);
    const text = squash(pages.map((p) => p.lines.map((l) => l.text).join("")).join(""));
    for (const h of headings) expect(text).toContain(squash(`${h.label!.text}${plainText(h.children)}`));
  });
});
