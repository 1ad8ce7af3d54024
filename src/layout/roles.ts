/**
 * Text roles: the one description of which text is drawn in which paragraph style, weight and
 * slope. Every consumer takes it from here:
 * - the PDF writer sets each block's text with `paragraphRole`/`spansFor`;
 * - the DOCX writer maps the same roles to Word styles and subsets fonts from `textPieces`;
 * - the coverage check (layout/coverage.ts) checks every piece of `textPieces` against the faces.
 * `textPieces` walks every block type through a Record keyed by the model's type union, so a new
 * block type that is not described here is a compile error.
 */
import type { Block, CellBlock, Document, Heading, Inline, List, Paragraph } from "../model/types.js";
import { resolvedParagraph, type ParagraphRole, type ResolvedParagraph, type Style } from "../style/style.js";
import type { Span, Weight } from "../typeset/index.js";

export type { ParagraphRole } from "../style/style.js";

/** Page furniture texts: masthead, first-page footer, running header and footer. */
export type FurnitureRole = "organisation" | "symbol" | "organ" | "distribution" | "jobLabel" | "runningHeader" | "runningFooter" | "pageNumber";
export type Role = ParagraphRole | FurnitureRole;

export const MAX_HEADING_DEPTH = 4;

export function headingRole(b: Heading): ParagraphRole {
  if (b.role === "title") return "title";
  return `heading${Math.min(Math.max(Math.trunc(b.level) || 1, 1), MAX_HEADING_DEPTH)}` as ParagraphRole;
}

/** A numbered paragraph takes the "numbered" style (number and tab), the others the body style. */
export function paragraphRole(b: Paragraph): ParagraphRole {
  return b.label ? "numbered" : "body";
}

export function listRole(level: number): ParagraphRole {
  return level >= 2 ? "list2" : "list1";
}

/** Roles of paragraphs inside a table cell: the header row's or the body rows'. */
export function cellRole(header: boolean): ParagraphRole {
  return header ? "tableHeader" : "tableCell";
}

/** How furniture text is set: size from the style, weight as UN mastheads print it. */
export function furnitureText(style: Style, role: FurnitureRole): { size: number; weight: Weight } {
  const m = style.masthead;
  switch (role) {
    case "organisation":
      return { size: m.organisationSize, weight: "bold" };
    case "symbol":
      return { size: m.symbolSize, weight: "regular" };
    case "organ":
      return { size: m.organSize, weight: "bold" };
    case "distribution":
      return { size: m.distributionSize, weight: "regular" };
    case "jobLabel":
      return { size: style.firstPageFooter.size, weight: "regular" };
    case "runningHeader":
      return { size: style.running.size, weight: "bold" };
    case "runningFooter":
      return { size: style.running.size, weight: "regular" };
    case "pageNumber":
      return { size: style.running.size, weight: "bold" };
  }
}

/**
 * Model inlines -> typesetter spans in a paragraph style: the style's weight and slope, strong
 * text bold, emphasis in the other slope (italic in upright text, upright in italic text), a
 * footnote as its label set superscript.
 */
export function spansFor(inlines: Inline[], p: Pick<ResolvedParagraph, "weight" | "italic">): Span[] {
  const out: Span[] = [];
  const walk = (xs: Inline[], weight: Weight, italic: boolean) => {
    for (const n of xs) {
      switch (n.type) {
        case "text":
          out.push({ text: n.value, weight, ...(italic && { italic }) });
          break;
        case "strong":
          walk(n.children, "bold", italic);
          break;
        case "emphasis":
          walk(n.children, weight, !italic);
          break;
        case "footnote":
          out.push({ text: n.label, weight, ...(italic && { italic }), superscript: true });
          break;
      }
    }
  };
  walk(inlines, p.weight, p.italic);
  return out;
}

/**
 * A label's span (paragraph number, heading number, bullet, (a)): set in the paragraph's weight,
 * upright, and in the Latin face when that face has it (as Word sets numbering), so "•" and
 * "(a)" look the same in Chinese and English documents.
 */
export function labelSpan(text: string, p: Pick<ResolvedParagraph, "weight">): Span {
  return { text, weight: p.weight, preferLatin: true };
}

/** A piece of text the writers draw, with its role and the spans it is set in. */
export interface TextPiece {
  role: Role;
  spans: Span[];
  /** where it is, for messages: "body block 3, list item 2" */
  where: string;
}

function excerpt(inlines: Inline[]): string {
  let text = "";
  for (const s of spansFor(inlines, { weight: "regular", italic: false })) if (!s.superscript) text += s.text;
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

type Walker<T extends Block["type"]> = (b: Extract<Block, { type: T }>, at: string, add: (p: TextPiece) => void, style: Style) => void;

function addInlines(add: (p: TextPiece) => void, style: Style, role: ParagraphRole, inlines: Inline[], where: string): void {
  const p = resolvedParagraph(style, role);
  add({ role, spans: spansFor(inlines, p), where: `${where} "${excerpt(inlines)}"` });
  // footnote texts: set in the footnote style, labelled with their number
  for (const n of footnotesIn(inlines)) {
    const fp = resolvedParagraph(style, "footnote");
    add({ role: "footnote", spans: [{ ...labelSpan(n.label, fp), superscript: true }], where: `footnote ${n.label}` });
    n.paragraphs.forEach((para, i) => add({ role: "footnote", spans: spansFor(para, fp), where: `footnote ${n.label}${n.paragraphs.length > 1 ? `, paragraph ${i + 1}` : ""} "${excerpt(para)}"` }));
  }
}

/** Footnotes of a run of inlines, in order (nested in strong or emphasis too). */
export function footnotesIn(inlines: Inline[]): Extract<Inline, { type: "footnote" }>[] {
  const out: Extract<Inline, { type: "footnote" }>[] = [];
  for (const n of inlines) {
    if (n.type === "footnote") out.push(n);
    else if (n.type !== "text") out.push(...footnotesIn(n.children));
  }
  return out;
}

function addLabel(add: (p: TextPiece) => void, style: Style, role: ParagraphRole, text: string | undefined, where: string): void {
  if (text) add({ role, spans: [labelSpan(text, resolvedParagraph(style, role))], where: `${where} (label "${text}")` });
}

function walkList(list: List, at: string, add: (p: TextPiece) => void, style: Style): void {
  const role = listRole(list.level);
  list.items.forEach((item, i) => {
    const where = `${at}, list item ${i + 1}`;
    addLabel(add, style, role, item.label.text, where);
    addInlines(add, style, role, item.children, where);
    if (item.sublist) walkList(item.sublist, where, add, style);
  });
}

function walkCellBlocks(blocks: CellBlock[], role: ParagraphRole, at: string, add: (p: TextPiece) => void, style: Style): void {
  blocks.forEach((b, i) => {
    if (b.type === "list") walkList(b, `${at}, list`, add, style);
    else {
      addLabel(add, style, role, b.label?.text, `${at}, paragraph ${i + 1}`);
      addInlines(add, style, role, b.children, `${at}, paragraph ${i + 1}`);
    }
  });
}

const walkers: { [T in Block["type"]]: Walker<T> } = {
  heading(b, at, add, style) {
    const role = headingRole(b);
    addLabel(add, style, role, b.label?.text, at);
    addInlines(add, style, role, b.children, `${at}, ${b.role === "title" ? "title" : "heading"}`);
  },
  paragraph(b, at, add, style) {
    const role = paragraphRole(b);
    addLabel(add, style, role, b.label?.text, at);
    addInlines(add, style, role, b.children, `${at}, paragraph`);
  },
  list: (b, at, add, style) => walkList(b, at, add, style),
  table(b, at, add, style) {
    if (b.caption) addInlines(add, style, "caption", b.caption, `${at}, table caption`);
    const rows = [...b.header.map((r) => ({ r, header: true })), ...b.rows.map((r) => ({ r, header: false }))];
    rows.forEach(({ r, header }, i) =>
      r.cells.forEach((cell, j) => walkCellBlocks(cell.blocks, cellRole(header), `${at}, table row ${i + 1}, cell ${j + 1}`, add, style)),
    );
  },
  quote: (b, at, add, style) => walkCellBlocks(b.blocks, "quote", `${at}, quotation`, add, style),
  signature(b, at, add, style) {
    b.lines.forEach((line, i) => addInlines(add, style, "signature", line, `${at}, signature line ${i + 1}`));
  },
  pageBreak() {},
  endRule() {},
};

/** Furniture text pieces: masthead, first-page footer, running header and footer, page numbers. */
function furniturePieces(doc: Document, style: Style, add: (p: TextPiece) => void): void {
  const piece = (role: FurnitureRole, text: string, where: string) => {
    if (text) add({ role, spans: [{ text, weight: furnitureText(style, role).weight }], where });
  };
  const m = doc.masthead;
  piece("organisation", m.organisation, "the masthead (organisation)");
  piece("symbol", m.symbol, "the masthead (symbol)");
  piece("organ", m.organ, "the masthead (organ)");
  m.distribution.forEach((line, i) => piece("distribution", line, `the masthead (distribution line ${i + 1})`));
  piece("jobLabel", doc.firstPageFooter.jobLabel, "the first-page footer (job number)");
  piece("runningHeader", doc.running.header, "the running header");
  piece("runningFooter", doc.running.footer, "the running footer");
  piece("pageNumber", "0123456789/", "the page numbers");
}

/** Everything the writers draw as text, in reading order, with its role and spans. */
export function textPieces(doc: Document, style: Style): TextPiece[] {
  const out: TextPiece[] = [];
  const add = (p: TextPiece) => out.push(p);
  furniturePieces(doc, style, add);
  doc.body.forEach((block, n) => (walkers[block.type] as Walker<typeof block.type>)(block as never, `body block ${n + 1}`, add, style));
  return out;
}
