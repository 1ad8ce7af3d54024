/**
 * composeParagraph: styled text + geometry -> lines of positioned glyph runs.
 * Pure function of its inputs and the font metrics: no PDF or DOCX here.
 */
import { breakLines, EPSILON } from "./break-lines.js";
import { placeLine, type ComposedLine, type LineAlign } from "./place-line.js";
import type { SpacingOptions } from "./spacing.js";
import { itemize, measure, type FaceSet, type Span, type Unit } from "./units.js";
import { clusters } from "./units.js";

export interface ParagraphGeometry {
  /** text size (points) */
  size: number;
  /** full width available to the paragraph (points) */
  width: number;
  leftIndent: number;
  rightIndent: number;
  /** extra indent of the first line (points; negative for a hanging first line) */
  firstLineIndent: number;
  align: LineAlign;
}

export interface ComposedParagraph {
  lines: ComposedLine[];
  /** the paragraph's plain text (runs index into it) */
  text: string;
}

export type ComposeOptions = SpacingOptions;

export function lineBox(geo: ParagraphGeometry, line: number): { indent: number; measure: number } {
  const indent = geo.leftIndent + (line === 0 ? geo.firstLineIndent : 0);
  return { indent, measure: geo.width - indent - geo.rightIndent };
}

export function composeParagraph(spans: Span[], faces: FaceSet, geo: ParagraphGeometry, opt: ComposeOptions): ComposedParagraph {
  const text = spans.map((s) => s.text).join("");
  let units = itemize(spans, faces, geo.size);
  const narrowest = Math.min(lineBox(geo, 0).measure, lineBox(geo, 1).measure);
  units = splitOversized(units, Math.max(narrowest, geo.size));
  const breaks = breakLines(units, (n) => lineBox(geo, n).measure, opt);
  const lines = breaks.map((b, n) => {
    const box = lineBox(geo, n);
    return placeLine(units.slice(b.start, b.end), b.hangs, box.measure, box.indent, geo.align, n === breaks.length - 1, opt);
  });
  return { lines, text };
}

/**
 * A unit wider than any line (a 2,000-letter string with no space) cannot be set whole:
 * cut it into the longest pieces that fit, so text is never lost past the margin.
 */
function splitOversized(units: Unit[], maxWidth: number): Unit[] {
  const out: Unit[] = [];
  for (const u of units) {
    if (u.advance <= maxWidth + EPSILON || !u.multi) {
      out.push(u);
      continue;
    }
    let piece = "";
    let start = u.start;
    for (const ch of clusters(u.text)) {
      const next = piece + ch;
      if (piece && measure(u.face, next, u.features, u.size) > maxWidth + EPSILON) {
        out.push(pieceOf(u, piece, start));
        start += piece.length;
        piece = ch;
      } else piece = next;
    }
    if (piece) out.push(pieceOf(u, piece, start));
  }
  return out;
}

function pieceOf(u: Unit, text: string, start: number): Unit {
  const chars = clusters(text);
  return {
    ...u,
    text,
    firstChar: chars[0],
    lastChar: chars[chars.length - 1],
    multi: chars.length > 1,
    advance: measure(u.face, text, u.features, u.size),
    start,
    end: start + text.length,
  };
}
