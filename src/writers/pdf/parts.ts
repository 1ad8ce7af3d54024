/** Paragraph groups shared by lists, quotations and table cells: items and paragraphs stacked with their spacing. */
import { cellRole, listRole } from "../../layout/roles.js";
import type { CellBlock, List } from "../../model/types.js";
import { pageSize } from "../../style/style.js";
import { keepParagraphLines, setParagraph, type PdfContext } from "./context.js";
import { structNode, type StructNode } from "./structure.js";
import type { Piece } from "./pieces.js";

/** A paragraph's pieces with the space its style wants above and below it. */
export interface Part {
  pieces: Piece[];
  before: number;
  after: number;
}

/** Height of a page's text block (points). */
export function pageBodyHeight(ctx: PdfContext): number {
  const m = ctx.style.page.margin;
  return pageSize(ctx.style).height - m.top - m.bottom;
}

/** Pieces of consecutive paragraphs: each paragraph's lines kept by widow and orphan control, spacing between them. */
export function joinParagraphs(parts: Part[]): Piece[] {
  const out: Piece[] = [];
  let prevAfter = 0;
  for (const part of parts) {
    if (!part.pieces.length) continue;
    if (out.length) part.pieces[0].gapBefore = prevAfter + part.before;
    out.push(...part.pieces);
    prevAfter = part.after;
  }
  return out;
}

/**
 * A list's items as paragraphs: the label at the label indent, nested lists after their item.
 * Tagged L > LI > Lbl + LBody, a nested list inside its item's LBody.
 */
export function listParts(ctx: PdfContext, list: List, parent: StructNode, x = 0, width?: number): Part[] {
  const role = listRole(list.level);
  const parts: Part[] = [];
  const l = structNode("L", parent);
  for (const item of list.items) {
    const li = structNode("LI", l);
    const body = structNode("LBody", li);
    const { pieces, style } = setParagraph(ctx, item.children, role, { label: item.label, x, width, tag: body, labelTag: structNode("Lbl", li) });
    keepParagraphLines(pieces);
    parts.push({ pieces, before: style.spaceBefore, after: style.spaceAfter });
    if (item.sublist) parts.push(...listParts(ctx, item.sublist, body, x, width));
  }
  return parts;
}

/**
 * Paragraphs and lists inside a quotation or a table cell, tagged under `parent` (a table cell's
 * single paragraph is the cell's text itself; more paragraphs are P elements in it).
 */
export function cellBlockParts(ctx: PdfContext, blocks: CellBlock[], role: "quote" | ReturnType<typeof cellRole>, parent: StructNode, o: { x?: number; width?: number; align?: "start" | "center" | "end" } = {}) {
  const parts: Part[] = [];
  const own = role !== "quote" && blocks.length === 1;
  for (const b of blocks) {
    if (b.type === "list") {
      parts.push(...listParts(ctx, b, parent, o.x, o.width));
      continue;
    }
    const { pieces, style } = setParagraph(ctx, b.children, role, {
      tag: own ? parent : structNode("P", parent),
      label: b.label,
      x: o.x,
      width: o.width,
      noFirstLineIndent: b.indent === "none",
      align: o.align,
    });
    keepParagraphLines(pieces);
    parts.push({ pieces, before: style.spaceBefore, after: style.spaceAfter });
  }
  return parts;
}

