/**
 * Tables in UN style, as the PDF draws them: horizontal rules only (above and below the header
 * rows, under the last row), columns at the widths of the rule both writers share
 * (layout/table-widths.ts), cell margins from the style's padding, the column's alignment on its
 * paragraphs. Header rows are w:tblHeader, so Word repeats them on every page the table spans, and
 * keep with the first row; no row splits across pages (w:cantSplit), as the PDF keeps each row whole.
 */
import { BorderStyle, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import { cellRole } from "../../layout/roles.js";
import { columnWidths } from "../../layout/table-widths.js";
import type { Table as ModelTable, TableRow as ModelRow } from "../../model/types.js";
import { built, cellBlockOutputs, layoutItems, type BlockWriter } from "./blocks.js";
import { PARAGRAPH_STYLES } from "./styles.js";
import { eighths, twip } from "./units.js";

const NONE = { style: BorderStyle.NONE, size: 0, color: "auto" };

export function tableOf(w: BlockWriter, table: ModelTable): Table {
  const { style, faces } = w.ctx;
  // the table's own indents from the text block's edges (style.table.leftIndent/rightIndent)
  const left = style.table.leftIndent ?? 0;
  const width = Math.max(1, w.ctx.width - left - (style.table.rightIndent ?? 0));
  const widths = columnWidths(table, width, style, faces, w.ctx.opt).map(twip);
  const rule = { style: BorderStyle.SINGLE, size: eighths(style.table.rule), color: "000000" };
  const rows = [...table.header.map((r) => ({ r, header: true })), ...table.rows.map((r) => ({ r, header: false }))];
  const lastHeader = table.header.length - 1;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    ...(left > 0 && { indent: { size: twip(left), type: WidthType.DXA } }),
    borders: TableBorders.NONE,
    margins: { top: twip(style.table.paddingY), bottom: twip(style.table.paddingY), left: twip(style.table.paddingX), right: twip(style.table.paddingX) },
    rows: rows.map(({ r, header }, i) => {
      const borders = {
        top: i === 0 ? rule : NONE,
        bottom: i === lastHeader || i === rows.length - 1 ? rule : NONE,
        left: NONE,
        right: NONE,
      };
      return new TableRow({ tableHeader: header || undefined, cantSplit: true, keepNext: header || undefined, children: cells(w, table, r, header, widths, borders) });
    }),
  });
}

function cells(w: BlockWriter, table: ModelTable, row: ModelRow, header: boolean, widths: number[], borders: ConstructorParameters<typeof TableCell>[0]["borders"]): TableCell[] {
  let c = 0;
  return row.cells.map((cell) => {
    const span = cell.span ?? 1;
    const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
    const given = table.columns[c]?.align ?? "start";
    const align = given === "justify" ? "start" : given;
    c += span;
    const content = built(layoutItems(w, cellBlockOutputs(w, cell.blocks, cellRole(header), align), "cell"));
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(span > 1 && { columnSpan: span }),
      borders,
      // a cell must hold at least one paragraph (ECMA-376 Part 1 §17.4.66)
      children: content.length ? content : built([{ kind: "p", style: PARAGRAPH_STYLES[cellRole(header)].id, children: [] }]),
    });
  });
}
