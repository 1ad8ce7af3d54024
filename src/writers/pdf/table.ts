/**
 * Tables in UN style: horizontal rules only (above and below the header rows, under the last
 * row), column widths from the data or from the content, each row a piece that does not break
 * (a row taller than a page is sliced by the paginator), the header rows repeated at the top of
 * every page the table continues on.
 */
import { cellRole } from "../../layout/roles.js";
import { columnWidths as sharedColumnWidths } from "../../layout/table-widths.js";
import type { Table, TableRow } from "../../model/types.js";
import { cellBlockParts, pageBodyHeight } from "./parts.js";
import { keepTogether, setParagraph, type PdfContext } from "./context.js";
import { shifted, type DrawItem, type Piece } from "./pieces.js";
import { structNode, type StructNode } from "./structure.js";

/** Column widths (points): the rule both writers share (layout/table-widths.ts). */
export function columnWidths(ctx: PdfContext, table: Table, width: number): number[] {
  return sharedColumnWidths(table, width, ctx.style, ctx.faces, ctx.opt);
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
