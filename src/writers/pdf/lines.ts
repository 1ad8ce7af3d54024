/**
 * Composed lines -> pdfmake nodes. pdfmake places the inlines of a line one after another;
 * the typesetter has already fixed every run's x, so between runs we insert a spacer inline
 * whose width is exactly the distance pdfmake would otherwise get wrong (a gap, compression,
 * a justification share). pdfmake is told not to wrap: lines are final.
 */
import type { Face } from "../../fonts/registry.js";
import type { ComposedLine, GlyphRun } from "../../typeset/index.js";
import { pdfFamily } from "./pdfmake-runtime.js";

type Inline = Record<string, unknown>;

/** pdfkit's line height for a face: (ascent - descent) per em. */
function faceLineHeight(face: Face, size: number): number {
  return ((face.font.ascent - face.font.descent) / face.unitsPerEm) * size;
}

/** Inline style that makes pdfmake give this face exactly `pitch` points of line height. */
function pitchFor(face: Face, size: number, pitch: number): number {
  return pitch / faceLineHeight(face, size);
}

const SPACER_SIZE = 0.01;

/**
 * A spacer of `width` points: two spaces at a vanishing size, with the character spacing that
 * makes the pair exactly that wide (pdfmake adds Tc between characters, not after the last).
 */
function spacer(width: number, latin: Face): Inline {
  const space = (latin.font.glyphForCodePoint(0x20).advanceWidth / latin.unitsPerEm) * SPACER_SIZE;
  return {
    text: "  ",
    font: pdfFamily(latin),
    fontSize: SPACER_SIZE,
    characterSpacing: width - 2 * space,
    lineHeight: 0,
    noWrap: true,
    preserveLeadingSpaces: true,
    preserveTrailingSpaces: true,
  };
}

function runWidth(run: GlyphRun): number {
  return run.advance + run.letterSpacing * ([...run.text].length - 1);
}

export interface LineStyle {
  /** the face that sets the baseline (the body face), so every line's baseline sits alike */
  strut: Face;
  size: number;
  pitch: number;
  /** the face spacers are set in */
  latin: Face;
  /** extra room on the right for hanging marks (points) */
  hangRoom: number;
  /** indent of the text block itself (points, from the page's left margin) */
  blockIndent?: number;
}

export function lineNode(line: ComposedLine, ls: LineStyle): Record<string, unknown> {
  const inlines: Inline[] = [
    // a strut: an empty inline in the body face, so the baseline does not depend on which faces the line uses
    { text: "", font: pdfFamily(ls.strut), fontSize: ls.size, lineHeight: pitchFor(ls.strut, ls.size, ls.pitch), noWrap: true },
  ];
  let pen = 0;
  for (const run of line.runs) {
    const lead = run.x - pen;
    if (Math.abs(lead) > 1e-6) inlines.push(spacer(lead, ls.latin));
    const inline: Inline = {
      text: run.text,
      font: pdfFamily(run.face),
      fontSize: run.size,
      lineHeight: pitchFor(run.face, run.size, ls.pitch),
      noWrap: true,
    };
    if (run.letterSpacing) inline.characterSpacing = run.letterSpacing;
    if (run.features.length) inline.fontFeatures = run.features;
    inlines.push(inline);
    pen = run.x + runWidth(run);
  }
  const left = (ls.blockIndent ?? 0) + line.indent;
  return { text: inlines, margin: [left, 0, -ls.hangRoom, 0] };
}
