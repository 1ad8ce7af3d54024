/**
 * Tables in UN style: horizontal rules only (above and below the header rows, under the last
 * row), column widths from the data or from the content, each row a piece that does not break
 * (a row taller than a page is sliced by the paginator), the header rows repeated at the top of
 * every page the table continues on.
 */
import { cellRole } from "../../layout/roles.js";
import type { Table, TableRow } from "../../model/types.js";
import { resolvedParagraph } from "../../style/style.js";
import { isIdeographic } from "../../typeset/classify.js";
import { cellBlockParts, pageBodyHeight } from "./parts.js";
import { keepTogether, lineWidth, setLine, setParagraph, type PdfContext } from "./context.js";
import { shifted, type DrawItem, type Piece } from "./pieces.js";
import { structNode, type StructNode } from "./structure.js";
import { spansFor } from "../../layout/roles.js";

interface Extent {
  min: number;
  max: number;
}

/** The narrowest and widest a cell's text can be set: its widest word, its longest paragraph on one line. */
function cellExtent(ctx: PdfContext, row: TableRow, cell: number, header: boolean): Extent {
  const role = cellRole(header);
  const p = resolvedParagraph(ctx.style, role);
  let min = 0;
  let max = 0;
  const measure = (inlines: Parameters<typeof spansFor>[0], labelRoom = 0) => {
    const spans = spansFor(inlines, p);
    max = Math.max(max, lineWidth(setLine(ctx, spans, p.size)) + labelRoom);
    for (const s of spans) {
      for (const word of s.text.split(/\s+/)) {
        if (!word) continue;
        // Chinese breaks between any two characters: two of them are the least a column should hold
        const w = [...word].some((c) => isIdeographic(c.codePointAt(0)!)) ? 2 * p.size : lineWidth(setLine(ctx, [{ ...s, text: word }], p.size));
        min = Math.max(min, w + labelRoom);
      }
    }
  };
  for (const b of row.cells[cell].blocks) {
    if (b.type === "paragraph") measure(b.children);
    else {
      const lp = resolvedParagraph(ctx.style, "list1");
      for (const item of b.items) measure(item.children, lp.textIndentEm * lp.size);
    }
  }
  return { min, max };
}

/** Column widths (points): shares given by the data, the rest shared out by the content (as HTML's auto layout). */
export function columnWidths(ctx: PdfContext, table: Table, width: number): number[] {
  const pad = 2 * ctx.style.table.paddingX;
  const cols = table.columns;
  const extents: Extent[] = cols.map(() => ({ min: pad, max: pad }));
  const rows = [...table.header.map((r) => ({ r, header: true })), ...table.rows.map((r) => ({ r, header: false }))];
  for (const { r, header } of rows) {
    let c = 0;
    r.cells.forEach((cell, i) => {
      if ((cell.span ?? 1) === 1 && cols[c].width === undefined) {
        const e = cellExtent(ctx, r, i, header);
        extents[c].min = Math.max(extents[c].min, e.min + pad);
        extents[c].max = Math.max(extents[c].max, e.max + pad);
      }
      c += cell.span ?? 1;
    });
  }
  const fixed = cols.reduce((s, c) => s + (c.width ?? 0) * width, 0);
  const auto = cols.map((c, i) => (c.width === undefined ? i : -1)).filter((i) => i >= 0);
  const out = cols.map((c) => (c.width ?? 0) * width);
  if (!auto.length) return out;
  const avail = Math.max(0, width - fixed);
  const sumMax = auto.reduce((s, i) => s + extents[i].max, 0);
  const sumMin = auto.reduce((s, i) => s + extents[i].min, 0);
  for (const i of auto) {
    const e = extents[i];
    if (sumMax <= avail) out[i] = e.max + ((avail - sumMax) * e.max) / sumMax;
    else if (sumMin <= avail) out[i] = e.min + ((e.max - e.min) * (avail - sumMin)) / (sumMax - sumMin);
    else out[i] = (e.min * avail) / sumMin;
  }
  return out;
}

/** One row as a piece: every cell's paragraphs stacked in its column, the row as tall as its tallest cell. */
function rowPiece(ctx: PdfContext, table: Table, row: TableRow, header: boolean, widths: number[], tr: StructNode): Piece {
  const t = ctx.style.table;
  const items: DrawItem[] = [];
  const notes: Piece["notes"] = [];
  let height = 0;
  let c = 0;
  let x = 0;
  for (const cell of row.cells) {
    const span = cell.span ?? 1;
    const w = widths.slice(c, c + span).reduce((s, v) => s + v, 0);
    const align = table.columns[c].align === "justify" ? "start" : table.columns[c].align;
    const cellTag = structNode(header ? "TH" : "TD", tr, header ? { scope: "Column" } : {});
    const parts = cellBlockParts(ctx, cell.blocks, cellRole(header), cellTag, { x: x + t.paddingX, width: Math.max(1, w - 2 * t.paddingX), align: align as "start" | "center" | "end" });
    let y = t.paddingY;
    let prevAfter = 0;
    let first = true;
    for (const part of parts) {
      if (!part.pieces.length) continue;
      if (!first) y += prevAfter + part.before;
      first = false;
      for (const piece of part.pieces) {
        items.push(...shifted(piece.items, 0, y));
        notes.push(...piece.notes);
        y += piece.height;
      }
      prevAfter = part.after;
    }
    height = Math.max(height, y + t.paddingY);
    c += span;
    x += w;
  }
  return { height, items, keepWithNext: false, gapBefore: 0, notes };
}

function untagged(it: DrawItem): DrawItem {
  if (it.kind === "rule") return it;
  const { tag: _tag, ...rest } = it;
  return rest as DrawItem;
}

/** A rule across the table above (at: "top") or below a piece; the piece grows by its thickness. */
function withRule(piece: Piece, width: number, thickness: number, at: "top" | "bottom"): Piece {
  if (at === "top") {
    return { ...piece, height: piece.height + thickness, items: [{ kind: "rule", x: 0, y: 0, width, thickness }, ...shifted(piece.items, 0, thickness)] };
  }
  return { ...piece, height: piece.height + thickness, items: [...piece.items, { kind: "rule", x: 0, y: piece.height, width, thickness }] };
}

export function tablePieces(ctx: PdfContext, table: Table): Piece[] {
  const t = ctx.style.table;
  const left = t.leftIndent ?? 0;
  const width = Math.max(1, ctx.width - left - (t.rightIndent ?? 0));
  const rule = ctx.style.table.rule;
  const widths = columnWidths(ctx, table, width);
  const out: Piece[] = [];
  let captionAfter = 0;
  const tag = structNode("Table", ctx.root);
  if (table.caption) {
    const { pieces, style } = setParagraph(ctx, table.caption, "caption", { tag: structNode("Caption", tag) });
    keepTogether(pieces, pageBodyHeight(ctx));
    if (pieces.length) pieces[pieces.length - 1].keepWithNext = true;
    out.push(...pieces);
    captionAfter = style.spaceAfter;
  }
  let header = table.header.map((r) => rowPiece(ctx, table, r, true, widths, structNode("TR", tag)));
  let body = table.rows.map((r) => rowPiece(ctx, table, r, false, widths, structNode("TR", tag)));
  if (header.length) {
    header[0] = withRule(header[0], width, rule, "top");
    header[header.length - 1] = withRule(header[header.length - 1], width, rule, "bottom");
    header = header.map((h) => ({ ...h, keepWithNext: true }));
  } else body[0] = withRule(body[0], width, rule, "top");
  body[body.length - 1] = withRule(body[body.length - 1], width, rule, "bottom");
  // the header rows again at the top of every page the table continues on (without their notes),
  // as artifacts: the header's content is tagged once, where the table begins
  const repeat = header.map((h) => ({ ...h, notes: [], gapBefore: 0, items: h.items.map(untagged) }));
  if (repeat.length) body = body.map((b) => ({ ...b, repeat }));
  const rows = [...header, ...body];
  if (out.length) rows[0] = { ...rows[0], gapBefore: captionAfter };
  out.push(...rows.map((r) => (left ? { ...r, items: shifted(r.items, left, 0), repeat: r.repeat?.map((h) => ({ ...h, items: shifted(h.items, left, 0) })) } : r)));
  return out;
}
