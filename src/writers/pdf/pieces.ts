/**
 * What the PDF writer lays out before it paginates: pieces of the body, each a strip of the text
 * block (usually one line) with everything drawn in it, and the footnotes referenced in it.
 * The paginator (paginate.ts) stacks pieces onto pages; emit.ts turns pages into pdfmake nodes.
 */
import type { Mark } from "../../layout/furniture.js";
import type { GlyphRun } from "../../typeset/index.js";
import type { StructNode } from "./structure.js";

export type DrawItem =
  /**
   * a run of glyphs whose baseline starts at (x, baseline); `tag` is its structure element (none:
   * an artifact); `actual` is the text it stands for when that differs from its glyphs (the word
   * space after a word, a printed hyphenation hyphen that is not in the text, invisible characters)
   */
  | { kind: "text"; run: GlyphRun; x: number; baseline: number; tag?: StructNode; actual?: string }
  /** a filled rule: top-left corner, width and thickness (always an artifact) */
  | { kind: "rule"; x: number; y: number; width: number; thickness: number }
  /** a mark; with a tag (a Figure with alternative text) it is content, without one an artifact */
  | { kind: "mark"; mark: Mark; x: number; y: number; tag?: StructNode };

/** A footnote's text, laid out: its lines as pieces (label on the first), ready for a page's foot. */
export interface NoteLayout {
  label: string;
  lines: Piece[];
}

export interface Piece {
  /** vertical extent (points) */
  height: number;
  /** x from the text block's left edge, y from the piece's top */
  items: DrawItem[];
  /** the page may not break between this piece and the next (widows and orphans, headings, table headers) */
  keepWithNext: boolean;
  /** space above the piece: kept at the top of a page the flow reached, dropped after a forced break */
  gapBefore: number;
  /** start a new page before this piece (a page break in the document) */
  breakBefore?: boolean;
  /** footnotes whose reference is in this piece: their text goes to the foot of the same page */
  notes: NoteLayout[];
  /** pieces to set first when this piece starts a page (a table's header rows) */
  repeat?: Piece[];
}

/** Width of an item's box (points): a run's glyphs, a rule, a mark's drawing. */
export function itemWidth(it: DrawItem, markWidth: (m: Mark) => number): number {
  if (it.kind === "text") return it.run.advance + it.run.letterSpacing * Math.max(0, [...it.run.text].length - 1);
  if (it.kind === "rule") return it.width;
  return markWidth(it.mark);
}

/**
 * A right-to-left page: items laid out from the start (right) edge, mirrored onto the page. Each
 * box keeps its width and moves to the other side (x' = page width - x - width); a run's glyphs
 * and a mark's drawing are not mirrored inside their boxes.
 */
export function mirrored(items: DrawItem[], pageWidth: number, markWidth: (m: Mark) => number): DrawItem[] {
  return items.map((it) => ({ ...it, x: pageWidth - it.x - itemWidth(it, markWidth) }));
}

export function shifted(items: DrawItem[], dx: number, dy: number): DrawItem[] {
  return shiftInto([], items, dx, dy);
}

/** `shifted`, appended to `out` (a page's items: no intermediate array). */
export function shiftInto(out: DrawItem[], items: DrawItem[], dx: number, dy: number): DrawItem[] {
  for (const it of items) out.push(it.kind === "text" ? { ...it, x: it.x + dx, baseline: it.baseline + dy } : { ...it, x: it.x + dx, y: it.y + dy });
  return out;
}
