/**
 * Table column widths, one rule for both writers: shares given by the data, the rest shared out
 * by the content as HTML's automatic table layout does (each column between its widest word and
 * its longest paragraph set on one line). The PDF draws the columns at these widths; the DOCX
 * writes them as w:gridCol and w:tcW, so Word and LibreOffice start from the same columns.
 */
import type { Inline, Table, TableRow } from "../model/types.js";
import { resolvedParagraph, type Style } from "../style/style.js";
import { isIdeographic } from "../typeset/classify.js";
import { composeParagraph, type ComposeOptions, type FaceSet, type Span } from "../typeset/index.js";
import { cellRole, listRole, spansFor } from "./roles.js";

interface Extent {
  min: number;
  max: number;
}

/** Natural width of spans set on one line (points). */
export function lineWidthOf(spans: Span[], size: number, faces: FaceSet, opt: ComposeOptions): number {
  const geo = { size, width: 1e6, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: "start" as const };
  const line = composeParagraph(spans, faces, geo, opt).lines[0];
  if (!line?.runs.length) return 0;
  const last = line.runs[line.runs.length - 1];
  return last.x + last.advance + last.letterSpacing * ([...last.text].length - 1);
}

/** The narrowest and widest a cell's text can be set: its widest word, its longest paragraph on one line. */
function cellExtent(row: TableRow, cell: number, header: boolean, style: Style, faces: FaceSet, opt: ComposeOptions): Extent {
  const p = resolvedParagraph(style, cellRole(header));
  let min = 0;
  let max = 0;
  const measure = (inlines: Inline[], labelRoom = 0) => {
    const spans = spansFor(inlines, p);
    max = Math.max(max, lineWidthOf(spans, p.size, faces, opt) + labelRoom);
    for (const s of spans) {
      for (const word of s.text.split(/\s+/)) {
        if (!word) continue;
        // Chinese breaks between any two characters: two of them are the least a column should hold
        const w = [...word].some((c) => isIdeographic(c.codePointAt(0)!)) ? 2 * p.size : lineWidthOf([{ ...s, text: word }], p.size, faces, opt);
        min = Math.max(min, w + labelRoom);
      }
    }
  };
  for (const b of row.cells[cell].blocks) {
    if (b.type === "paragraph") measure(b.children);
    else {
      const lp = resolvedParagraph(style, listRole(1));
      for (const item of b.items) measure(item.children, lp.textIndentEm * lp.size);
    }
  }
  return { min, max };
}

/** Column widths (points) of a table `width` wide. */
export function columnWidths(table: Table, width: number, style: Style, faces: FaceSet, opt: ComposeOptions): number[] {
  const pad = 2 * style.table.paddingX;
  const cols = table.columns;
  const extents: Extent[] = cols.map(() => ({ min: pad, max: pad }));
  const rows = [...table.header.map((r) => ({ r, header: true })), ...table.rows.map((r) => ({ r, header: false }))];
  for (const { r, header } of rows) {
    let c = 0;
    r.cells.forEach((cell, i) => {
      if ((cell.span ?? 1) === 1 && cols[c]?.width === undefined) {
        const e = cellExtent(r, i, header, style, faces, opt);
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
