/** Section geometry: the document grid follows the style's measure. */
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, styleOf } from "../../../src/render/pipeline.js";
import type { Style } from "../../../src/style/style.js";
import type { FaceSet } from "../../../src/typeset/index.js";
import { docxContext, runFonts } from "../../../src/writers/docx/context.js";
import { documentGrid, sectionProperties } from "../../../src/writers/docx/page-parts.js";
import { smallModel } from "./helpers.js";

const faces = { regular: { cjk: { family: "C" }, latin: { family: "L" } }, bold: { cjk: { family: "CB" }, latin: { family: "LB" } } } as unknown as FaceSet;
const ctxFor = (style: Style) => docxContext(smallModel(), style, faces, runFonts(faces, true, { cjk: "", cjkBold: "", latin: "" }));

describe("document grid", () => {
  it("is 35 characters of 12 pt in 420 pt, with the body line height as pitch", () => {
    const style = styleOf(DEFAULT_TEMPLATES);
    expect(documentGrid(ctxFor(style))).toEqual({ linePitch: style.text.lineHeight * 20, charSpace: 0, charsPerLine: 35 });
  });

  it("adds the extra pitch in 4096ths of a point when the measure is not a whole number of characters", () => {
    const base = styleOf(DEFAULT_TEMPLATES);
    // A4 with 72 pt side margins: 451.28 pt = 37 characters of 12.197 pt
    const style: Style = { ...base, page: { ...base.page, size: "a4", margin: { ...base.page.margin, left: 72, right: 72 } } };
    const grid = documentGrid(ctxFor(style));
    expect(grid.charsPerLine).toBe(37);
    expect(grid.charSpace).toBe(Math.round((451.28 / 37 - 12) * 4096));
    expect(sectionProperties(ctxFor(style)).page?.size).toEqual({ width: 11906, height: 16838 });
  });
});
