/**
 * Body blocks -> WordprocessingML paragraphs and tables, one handler per block type (a block type
 * this writer does not handle is a compile error). Each paragraph takes the Word style of its role
 * (layout/roles.ts decides the role, styles.ts names its style) and holds runs of whole text: Word
 * breaks the lines itself (no w:br), under the styles' East Asian rules.
 *
 * Spacing: both writers add the space after one paragraph to the space before the next (Word's
 * rule). Where the PDF's spacing between two blocks differs from what the styles give (after a
 * page break the PDF puts none, a table has space of its own above and below, a cell's first and
 * last paragraphs have none), the paragraph gets a w:spacing of its own.
 */
import { cellRole, headingRole, listRole, paragraphRole, type ParagraphRole } from "../../layout/roles.js";
import type { Block, CellBlock, Footnote, Inline, Label, List } from "../../model/types.js";
import { resolvedParagraph } from "../../style/style.js";
import type { DocxContext } from "./context.js";
import type { Footnotes } from "./footnotes.js";
import { labelledIndent } from "./geometry.js";
import type { NumberingRef, NumberingRegistry } from "./numbering.js";
import { paragraph, type ParagraphIndent, type ParagraphOptions, type TabStop } from "./paragraph.js";
import { inlineRuns, textLabelRuns } from "./runs.js";
import { BODY_TEXT, LABELLED_ROLES, PARAGRAPH_STYLES, PART_STYLES, type StyleSheet } from "./styles.js";
import { tableOf, tableXml, type TableLayout } from "./table.js";
import { twip } from "./units.js";

/** A paragraph before it is built: the spacing pass may still give it spacing or a page break of its own. */
export interface ParagraphItem {
  kind: "p";
  style: string;
  /** the runs (XML) */
  runs: string;
  /** points, where the paragraph's spacing differs from its style's */
  before?: number;
  after?: number;
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  numbering?: NumberingRef | false;
  /** direct geometry: a label where the style has none, no first-line indent, a column's alignment */
  geometry?: { indent?: ParagraphIndent; tabs?: TabStop[]; alignment?: ParagraphOptions["alignment"] };
}
export type Item = ParagraphItem | { kind: "table"; table: TableLayout };

/** A block's items and the space the PDF puts above and below it. */
export interface BlockOutput {
  items: Item[];
  spaceBefore: number;
  spaceAfter: number;
  pageBreak?: boolean;
}

export interface BlockWriter {
  ctx: DocxContext;
  sheet: StyleSheet;
  numbering: NumberingRegistry;
  footnotes: Footnotes;
  /** the heading styles link to the heading numbering: unnumbered headings say they have none */
  headingsLinked: boolean;
}

type Handler<T extends Block["type"]> = (w: BlockWriter, block: Extract<Block, { type: T }>) => BlockOutput;

const ALIGN = { start: "left", center: "center", end: "right", justify: "both" } as const;

/** A footnote of the body: into word/footnotes.xml, numbered in document order (the order the blocks are built in). */
const notesOf = (w: BlockWriter) => (note: Footnote) => w.footnotes.add(note);

/**
 * One paragraph of a role: its label as Word numbering (a label with a counter) or as text and a
 * tab (a label given by the data), in the position the PDF sets it.
 */
function paragraphItem(
  w: BlockWriter,
  role: ParagraphRole,
  inlines: Inline[],
  o: { label?: Label; ref?: NumberingRef; noFirstLineIndent?: boolean; align?: "start" | "center" | "end" } = {},
): ParagraphItem {
  const p = resolvedParagraph(w.ctx.style, role);
  const ref = o.ref ?? (o.label ? w.numbering.forLabel(o.label) : undefined);
  const runs = (o.label && !ref ? textLabelRuns(w.ctx, o.label.text, p) : "") + inlineRuns(w.ctx, inlines, p, notesOf(w));
  const item: ParagraphItem = { kind: "p", style: PARAGRAPH_STYLES[role].id, runs };
  const geometry: NonNullable<ParagraphItem["geometry"]> = {};
  // a label in a role whose style has no label geometry (a heading's given label, a numbered cell
  // paragraph): the numbering level has it for heading numbers; otherwise it is the paragraph's own
  const levelHasGeometry = ref && w.numbering.roleOf(ref) === role;
  if (o.label && !LABELLED_ROLES.has(role) && !levelHasGeometry) {
    const { ind, tabs } = labelledIndent(p);
    const first = (ind.firstLineEm ?? 0) * p.size;
    geometry.indent = { left: twip((ind.leftEm ?? 0) * p.size), ...(first < 0 ? { hanging: twip(-first) } : { firstLine: twip(first), firstLineChars: Math.round((ind.firstLineEm ?? 0) * 100) }) };
    geometry.tabs = tabs.map((t) => ({ type: "left", position: twip(t.pos) }));
  } else if (o.noFirstLineIndent && !o.label && p.firstLineIndentEm) {
    if (role === "body") item.style = BODY_TEXT.id;
    else geometry.indent = { left: twip(p.leftIndentEm * p.size), firstLine: 0, firstLineChars: 0 };
  }
  if (o.align && o.align !== p.align) geometry.alignment = ALIGN[o.align];
  if (Object.keys(geometry).length) item.geometry = geometry;
  if (ref) item.numbering = ref;
  else if (w.headingsLinked && role.startsWith("heading")) item.numbering = false;
  return item;
}

/** A list's items, nested lists after their item, each item in its level's list style. */
function listItems(w: BlockWriter, list: List, align?: "start" | "center" | "end"): ParagraphItem[] {
  const refs = w.numbering.forList(list);
  const out: ParagraphItem[] = [];
  const walk = (l: List) => {
    for (const item of l.items) {
      out.push(paragraphItem(w, listRole(l.level), item.children, { label: item.label, ref: refs.get(item), align }));
      if (item.sublist) walk(item.sublist);
    }
  };
  walk(list);
  return out;
}

/** The blocks of a quotation or a table cell, each with the space its style puts around it. */
export function cellBlockOutputs(w: BlockWriter, blocks: CellBlock[], role: ParagraphRole, align?: "start" | "center" | "end"): BlockOutput[] {
  return blocks.flatMap((b): BlockOutput[] => {
    if (b.type === "list") {
      // each item is a paragraph of its own: the space between them is their styles'
      return listItems(w, b, align).map((item) => ({ items: [item], ...styleSpace(w, item.style) }));
    }
    const item = paragraphItem(w, role, b.children, { label: b.label, noFirstLineIndent: b.indent === "none", align });
    return [{ items: [item], ...styleSpace(w, item.style) }];
  });
}

function styleSpace(w: BlockWriter, style: string): { spaceBefore: number; spaceAfter: number } {
  const s = w.sheet.spacing(style);
  return { spaceBefore: s.before, spaceAfter: s.after };
}

const space = (w: BlockWriter, role: ParagraphRole) => {
  const p = resolvedParagraph(w.ctx.style, role);
  return { spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter };
};

const handlers: { [T in Block["type"]]: Handler<T> } = {
  heading: (w, b) => ({ items: [paragraphItem(w, headingRole(b), b.children, { label: b.label })], ...space(w, headingRole(b)) }),
  paragraph: (w, b) => ({ items: [paragraphItem(w, paragraphRole(b), b.children, { label: b.label, noFirstLineIndent: b.indent === "none" })], ...space(w, paragraphRole(b)) }),
  list: (w, b) => ({ items: listItems(w, b), ...space(w, listRole(b.level)) }),
  table(w, b) {
    const t = w.ctx.style.table;
    const items: Item[] = [];
    if (b.caption) items.push(paragraphItem(w, "caption", b.caption));
    items.push({ kind: "table", table: tableOf(w, b) });
    return { items, spaceBefore: t.spaceBefore, spaceAfter: t.spaceAfter };
  },
  quote(w, b) {
    const items = layoutItems(w, cellBlockOutputs(w, b.blocks, "quote"), "flow");
    return { items, ...space(w, "quote") };
  },
  signature(w, b) {
    // the lines keep together (the style's w:keepNext); the last one need not keep with what follows
    const items = b.lines.map((line, i) => ({ ...paragraphItem(w, "signature", line), ...(i === b.lines.length - 1 && { keepNext: false }) }));
    return { items, ...space(w, "signature") };
  },
  pageBreak: () => ({ items: [], spaceBefore: 0, spaceAfter: 0, pageBreak: true }),
  endRule(w) {
    return { items: [{ kind: "p", style: PART_STYLES.endRule.id, runs: "" }], spaceBefore: w.ctx.style.endRule.spaceBefore, spaceAfter: 0 };
  },
};

export function blockOutput(w: BlockWriter, block: Block): BlockOutput {
  return (handlers[block.type] as Handler<typeof block.type>)(w, block as never);
}

/**
 * The items of a run of blocks with the spacing the PDF gives them. `cell`: the first and last
 * paragraph of a table cell have no space above or below (the cell's margins are the padding).
 */
export function layoutItems(w: BlockWriter, outputs: BlockOutput[], container: "flow" | "cell"): Item[] {
  const out: Item[] = [];
  let pendingBreak = false;
  let prevAfter = 0;
  for (const b of outputs) {
    if (b.pageBreak) {
      pendingBreak = out.length > 0;
      continue;
    }
    if (!b.items.length) continue;
    const wanted = out.length && !pendingBreak ? prevAfter + b.spaceBefore : 0;
    join(w, out, b.items[0], wanted, pendingBreak);
    out.push(...b.items);
    prevAfter = b.spaceAfter;
    pendingBreak = false;
  }
  const last = out[out.length - 1];
  if (container === "cell" && last?.kind === "p") setSpace(w, last, "after", 0);
  return out;
}

function styleSpacing(w: BlockWriter, p: ParagraphItem, side: "before" | "after"): number {
  return w.sheet.spacing(p.style)[side];
}

function effective(w: BlockWriter, p: ParagraphItem, side: "before" | "after"): number {
  return p[side] ?? styleSpacing(w, p, side);
}

function setSpace(w: BlockWriter, p: ParagraphItem, side: "before" | "after", v: number): void {
  if (v === styleSpacing(w, p, side)) delete p[side];
  else p[side] = Math.max(0, v);
}

/** Gives `next` (about to follow `out`) the space `wanted` above it, as Word will add it up. */
function join(w: BlockWriter, out: Item[], next: Item, wanted: number, pageBreak: boolean): void {
  const prev = out[out.length - 1];
  if (next.kind === "table") {
    // a table has no spacing of its own: the paragraph before it carries the space, or a spacer does
    if (prev?.kind === "p" && !pageBreak) return setSpace(w, prev, "after", wanted);
    if (pageBreak || wanted > 0 || prev?.kind === "table") out.push(spacer(wanted, pageBreak));
    return;
  }
  if (pageBreak) {
    next.pageBreakBefore = true;
    return setSpace(w, next, "before", 0);
  }
  if (!prev) return setSpace(w, next, "before", wanted);
  const prevAfter = prev.kind === "p" ? effective(w, prev, "after") : 0;
  // Word leaves out the space between paragraphs of a style with w:contextualSpacing
  if (prev.kind === "p" && prev.style === next.style && w.sheet.spacing(next.style).contextual) return;
  if (wanted >= prevAfter) return setSpace(w, next, "before", wanted - prevAfter);
  setSpace(w, next, "before", 0);
  if (prev.kind === "p") setSpace(w, prev, "after", wanted);
}

/** An empty paragraph that holds space (or a page break) where a table needs it. */
function spacer(height: number, pageBreak: boolean): ParagraphItem {
  return { kind: "p", style: PART_STYLES.spacer.id, runs: "", ...(height > 1 && { after: height - 1 }), ...(pageBreak && { pageBreakBefore: true }) };
}

/**
 * Items -> XML: paragraphs and tables, in document order (the numbering instances are numbered in
 * the order paragraphs first use them).
 */
export function built(w: BlockWriter, items: Item[]): string {
  let out = "";
  for (const it of items) {
    if (it.kind === "table") {
      out += tableXml(w, it.table);
      continue;
    }
    const numbering = it.numbering === undefined ? undefined : it.numbering ? { numId: w.numbering.numId(it.numbering), level: it.numbering.level } : { numId: 0, level: 0 };
    const spacing = it.before !== undefined || it.after !== undefined ? { before: it.before === undefined ? undefined : twip(it.before), after: it.after === undefined ? undefined : twip(it.after) } : undefined;
    out += paragraph({ style: it.style, keepNext: it.keepNext, pageBreakBefore: it.pageBreakBefore, numbering, tabs: it.geometry?.tabs, spacing, indent: it.geometry?.indent, alignment: it.geometry?.alignment }, it.runs);
  }
  return out;
}

/** All body blocks as paragraphs and tables (XML). */
export function bodyContent(w: BlockWriter, blocks: Block[]): string {
  const items = layoutItems(w, blocks.map((b) => blockOutput(w, b)), "flow");
  // a document may not end in a table: Word wants a paragraph last (ECMA-376 Part 1 §17.2.2)
  if (items[items.length - 1]?.kind === "table") items.push(spacer(0, false));
  return built(w, items);
}
