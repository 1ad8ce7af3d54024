import { describe, expect, it } from "vitest";
import { loadDataFile } from "../../src/input/load.js";
import { spansFor, textPieces } from "../../src/layout/roles.js";
import { buildModel, styleOf, DEFAULT_TEMPLATES } from "../../src/render/pipeline.js";

const style = styleOf(DEFAULT_TEMPLATES);
const report = buildModel(loadDataFile("examples/committee-report-2021.zh.yaml").data);

describe("text roles: the one description of what is drawn where", () => {
  const pieces = textPieces(report, style);
  const text = (role: string) => pieces.filter((p) => p.role === role).map((p) => p.spans.map((s) => s.text).join(""));

  it("describes every block type's text in its role, labels and footnotes included", () => {
    const roles = new Set(pieces.map((p) => p.role));
    for (const r of ["title", "heading1", "heading2", "body", "numbered", "list1", "list2", "quote", "caption", "tableHeader", "tableCell", "footnote", "signature"]) expect(roles).toContain(r);
    expect(text("heading1")).toContain("一.");
    expect(text("numbered")).toContain("1.");
    expect(text("list1")).toContain("(a)");
    expect(text("list2")).toContain("(i)");
    expect(text("list1")).toContain("•");
    expect(text("tableHeader")).toContain("区域");
    expect(text("footnote").some((t) => t.startsWith("安全理事会第2325(2016)号决议"))).toBe(true);
  });

  it("describes the furniture the writers draw, the bold page-number digits included", () => {
    const furniture = pieces.filter((p) => ["organisation", "symbol", "organ", "distribution", "jobLabel", "runningHeader", "runningFooter", "pageNumber"].includes(p.role));
    expect(furniture.map((p) => p.role)).toContain("pageNumber");
    const numbers = pieces.find((p) => p.role === "pageNumber")!;
    expect(numbers.spans[0]).toMatchObject({ text: "0123456789/", weight: "bold" });
  });

  it("sets headings bold, emphasis in the other slope, footnote references superscript, labels in the Latin face where it can", () => {
    const h = pieces.find((p) => p.role === "heading1")!;
    expect(h.spans.every((s) => s.weight === "bold")).toBe(true);
    const spans = spansFor([{ type: "text", value: "a" }, { type: "emphasis", children: [{ type: "text", value: "b" }] }, { type: "footnote", label: "3", paragraphs: [] }], { weight: "regular", italic: false });
    expect(spans).toEqual([{ text: "a", weight: "regular" }, { text: "b", weight: "regular", italic: true }, { text: "3", weight: "regular", superscript: true }]);
    expect(spansFor([{ type: "emphasis", children: [{ type: "text", value: "x" }] }], { weight: "bold", italic: true })).toEqual([{ text: "x", weight: "bold" }]);
    const label = pieces.find((p) => p.role === "list1" && p.spans[0].text === "(a)")!;
    expect(label.spans[0].preferLatin).toBe(true);
  });
});
