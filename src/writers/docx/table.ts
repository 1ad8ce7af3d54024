/**
 * Tables in UN style, as the PDF draws them: horizontal rules only (above and below the header
 * rows, under the last row), columns at the widths of the rule both writers share
 * (layout/table-widths.ts), cell margins from the style's padding, the column's alignment on its
 * paragraphs. Header rows are w:tblHeader, so Word repeats them on every page the table spans, and
 * keep with the first row (w:keepNext on their paragraphs); no row splits across pages
 * (w:cantSplit), as the PDF keeps each row whole.
 *
 * tableOf lays the table out when its block is built (its notes are numbered then, in document
 * order); tableXml writes it when the body is written, in document order too (numbering).
 */
import { cellRole } from "../../layout/roles.js";
import { columnWidths } from "../../layout/table-widths.js";
import type { Table as ModelTable, TableRow as ModelRow } from "../../model/types.js";
import { isRtl } from "../../style/style.js";
import { built, cellBlockOutputs, layoutItems, type BlockWriter, type Item } from "./blocks.js";
import { borderLine, type BorderLine } from "./paragraph.js";
import { PARAGRAPH_STYLES } from "./styles.js";
import { eighths, twip } from "./units.js";

const NONE: BorderLine = { style: "none", size: 0, color: "auto" };

interface CellLayout {
  /** twips */
  width: number;
  span: number;
  top: BorderLine;
  bottom: BorderLine;
  items: Item[];
}

export interface TableLayout {
  /** twips */
  widths: number[];
  /** twips from the text block's start edge, when the style gives the table an indent */
  indent?: number;
  rightToLeft: boolean;
  /** cell margins, twips */
  paddingX: number;
  paddingY: number;
  rows: { header: boolean; cells: CellLayout[] }[];
}

export function tableOf(w: BlockWriter, table: ModelTable): TableLayout {
  const { style, faces } = w.ctx;
  // the table's own indents from the text block's edges (style.table.leftIndent/rightIndent)
  const left = style.table.leftIndent ?? 0;
  const width = Math.max(1, w.ctx.width - left - (style.table.rightIndent ?? 0));
  const widths = columnWidths(table, width, style, faces, w.ctx.opt).map(twip);
  const rule: BorderLine = { style: "single", size: eighths(style.table.rule), color: "000000" };
  const rows = [...table.header.map((r) => ({ r, header: true })), ...table.rows.map((r) => ({ r, header: false }))];
  const lastHeader = table.header.length - 1;
  return {
    widths,
    indent: left > 0 ? twip(left) : undefined,
    rightToLeft: isRtl(style),
    paddingX: twip(style.table.paddingX),
    paddingY: twip(style.table.paddingY),
    rows: rows.map(({ r, header }, i) => ({
      header,
      cells: cells(w, table, r, header, widths, i === 0 ? rule : NONE, i === lastHeader || i === rows.length - 1 ? rule : NONE),
    })),
  };
}

function cells(w: BlockWriter, table: ModelTable, row: ModelRow, header: boolean, widths: number[], top: BorderLine, bottom: BorderLine): CellLayout[] {
  let c = 0;
  return row.cells.map((cell) => {
    const span = cell.span ?? 1;
    const width = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
    const given = table.columns[c]?.align ?? "start";
    const align = given === "justify" ? "start" : given;
    c += span;
    const content = layoutItems(w, cellBlockOutputs(w, cell.blocks, cellRole(header), align), "cell");
    // a cell must hold at least one paragraph (ECMA-376 Part 1 §17.4.66)
    const items: Item[] = content.length ? content : [{ kind: "p", style: PARAGRAPH_STYLES[cellRole(header)].id, runs: "" }];
    // a header row keeps with the row after it: its paragraphs keep with the next
    if (header) for (const it of items) if (it.kind === "p") it.keepNext ??= true;
    return { width, span, top, bottom, items };
  });
}

const width = (name: string, twips: number) => `<${name} w:type="dxa" w:w="${twips}"/>`;

/**
 * w:tbl: w:tblPr (CT_TblPr order, §17.4.60: bidiVisual, tblW, tblInd, tblBorders, tblLayout,
 * tblCellMar), the grid, the rows. The table draws no borders itself: the cells' edges are the rules.
 */
export function tableXml(w: BlockWriter, t: TableLayout): string {
  const noBorders = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => borderLine(`w:${side}`, NONE)).join("");
  const margins = width("w:top", t.paddingY) + width("w:left", t.paddingX) + width("w:bottom", t.paddingY) + width("w:right", t.paddingX);
  let xml =
    "<w:tbl><w:tblPr>" +
    // a right-to-left document's tables: the first column at the right (w:bidiVisual, §17.4.1)
    (t.rightToLeft ? "<w:bidiVisual/>" : "") +
    width("w:tblW", t.widths.reduce((a, b) => a + b, 0)) +
    (t.indent !== undefined ? width("w:tblInd", t.indent) : "") +
    `<w:tblBorders>${noBorders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>${margins}</w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${t.widths.map((c) => `<w:gridCol w:w="${c}"/>`).join("")}</w:tblGrid>`;
  for (const row of t.rows) {
    if (!row.cells.length) continue; // a row without cells is no row (CT_Row needs one)
    xml += `<w:tr><w:trPr><w:cantSplit/>${row.header ? "<w:tblHeader/>" : ""}</w:trPr>`;
    for (const cell of row.cells) {
      const borders = borderLine("w:top", cell.top) + borderLine("w:left", NONE) + borderLine("w:bottom", cell.bottom) + borderLine("w:right", NONE);
      xml += `<w:tc><w:tcPr>${width("w:tcW", cell.width)}${cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : ""}<w:tcBorders>${borders}</w:tcBorders></w:tcPr>${built(w, cell.items)}</w:tc>`;
    }
    xml += "</w:tr>";
  }
  return `${xml}</w:tbl>`;
}
