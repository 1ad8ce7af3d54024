/** Section geometry and the furniture: the document grid follows the style's measure. */
import { describe, expect, it } from "vitest";
import type { Style } from "../../../src/style/style.js";
import { faceSetFor } from "../../../src/fonts/face-set.js";
import { docxContext } from "../../../src/writers/docx/context.js";
import { fontPlan } from "../../../src/writers/docx/fonts.js";
import { documentGrid, sectionProperties } from "../../../src/writers/docx/page-parts.js";
import { defaultStyle, smallModel } from "./helpers.js";

const ctxFor = (style: Style) => {
  const faces = faceSetFor(style);
  return docxContext(smallModel(), style, faces, fontPlan(smallModel(), style, faces, "none"));
};

describe("document grid", () => {
  it("is 35 characters of 12 pt in 420 pt, with the body line height as pitch", () => {
    const style = defaultStyle();
    expect(documentGrid(ctxFor(style))).toEqual({ linePitch: style.text.lineHeight * 20, charSpace: 0, charsPerLine: 35 });
  });

  it("adds the extra pitch in 4096ths of a point when the measure is not a whole number of characters", () => {
    const base = defaultStyle();
    // A4 with 72 pt side margins: 451.28 pt = 37 characters of 12.197 pt
    const style: Style = { ...base, page: { ...base.page, size: "a4", margin: { ...base.page.margin, left: 72, right: 72 } } };
    const grid = documentGrid(ctxFor(style));
    expect(grid.charsPerLine).toBe(37);
    expect(grid.charSpace).toBe(Math.round((451.28 / 37 - 12) * 4096));
    expect(sectionProperties(ctxFor(style)).page?.size).toEqual({ width: 11906, height: 16838 });
  });
});
