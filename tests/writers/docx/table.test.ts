/** Tables: UN rules (horizontal only), header rows Word repeats, the shared column widths, the style's padding. */
import { beforeAll, describe, expect, it } from "vitest";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import { composeOptions } from "../../../src/layout/compose-options.js";
import { columnWidths } from "../../../src/layout/table-widths.js";
import type { Document, Table } from "../../../src/model/types.js";
import { textWidth } from "../../../src/style/style.js";
import { defaultStyle, docxOf, modelOf, paragraphsIn, parts, REPORT_ZH, styleOfPara } from "./helpers.js";

let model: Document;
let table: Table;
let tbl: string;

beforeAll(async () => {
  model = modelOf(REPORT_ZH);
  table = model.body.find((b): b is Table => b.type === "table")!;
  tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(parts(await docxOf(model)).xml["word/document.xml"])![0];
});

const rows = () => tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;

describe("tables", () => {
  it("marks the header rows w:tblHeader (Word repeats them on every page) and keeps every row whole", () => {
    const r = rows();
    expect(r).toHaveLength(table.header.length + table.rows.length);
    r.forEach((row, i) => {
      expect(row.includes("<w:tblHeader/>"), `row ${i}`).toBe(i < table.header.length);
      expect(row).toContain("<w:cantSplit/>");
    });
  });

  it("draws horizontal rules only: above and below the header rows, under the last row", () => {
    expect(tbl).not.toMatch(/<w:(left|right|start|end|insideV) w:val="single"/);
    expect(tbl).toMatch(/<w:tblBorders>(<w:\w+ w:val="none"[^>]*\/>)+<\/w:tblBorders>/);
    const r = rows();
    const rule = (row: string, side: "top" | "bottom") => new RegExp(`<w:${side} w:val="single"`).test(row);
    expect(rule(r[0], "top")).toBe(true);
    expect(rule(r[table.header.length - 1], "bottom")).toBe(true);
    expect(rule(r[r.length - 1], "bottom")).toBe(true);
    for (const row of r.slice(table.header.length, -1)) expect(rule(row, "top") || rule(row, "bottom")).toBe(false);
  });

  it("sets the columns at the widths both writers share, summing to the text width", () => {
    const style = defaultStyle();
    const expected = columnWidths(table, textWidth(style), style, faceSetFor(style), composeOptions(style)).map((w) => Math.round(w * 20));
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual(expected);
    expect(Math.abs(grid.reduce((a, b) => a + b, 0) - textWidth(style) * 20)).toBeLessThanOrEqual(grid.length);
    expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it("pads the cells by the style's table padding and sets them in the table styles, aligned by column", () => {
    const t = defaultStyle().table;
    const mar = /<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(tbl)![0];
    for (const [side, v] of [["top", t.paddingY], ["bottom", t.paddingY], ["left", t.paddingX], ["right", t.paddingX]] as const) expect(mar).toMatch(new RegExp(`<w:${side} [^>]*w:w="${v * 20}"`));
    const paras = paragraphsIn(tbl);
    expect(paras.slice(0, table.columns.length).map(styleOfPara)).toEqual(table.columns.map(() => "TableHeading"));
    expect(paras.slice(table.columns.length).every((p) => styleOfPara(p) === "TableText")).toBe(true);
    // the third column is centred, the fourth set at the end
    expect(paras[2]).toContain('<w:jc w:val="center"/>');
    expect(paras[3]).toContain('<w:jc w:val="right"/>');
  });
});
