/**
 * Where a paragraph's lines start, in Word's terms, from the style's em values: the same
 * positions the PDF writer sets (writers/pdf/context.ts setParagraph).
 * - unlabelled: left and right indents, the first line indented (or hanging) by firstLineIndentEm;
 * - labelled (a number, a bullet, (a)): the label at labelIndentEm, the first line's text at the
 *   tab stop textIndentEm, the later lines at leftIndentEm: w:ind left = leftIndentEm and a first
 *   line (or hanging) indent to the label, w:tab at the text.
 */
import type { ResolvedParagraph } from "../../style/style.js";
import type { Indent, Tab } from "./props.js";

export function plainIndent(p: ResolvedParagraph, noFirstLine = false): Indent {
  return { leftEm: p.leftIndentEm, rightEm: p.rightIndentEm, firstLineEm: noFirstLine ? 0 : p.firstLineIndentEm, size: p.size };
}

export function labelledIndent(p: ResolvedParagraph): { ind: Indent; tabs: Tab[] } {
  return {
    ind: { leftEm: p.leftIndentEm, rightEm: p.rightIndentEm, firstLineEm: p.labelIndentEm - p.leftIndentEm, size: p.size },
    tabs: [{ val: "left", pos: p.textIndentEm * p.size }],
  };
}
