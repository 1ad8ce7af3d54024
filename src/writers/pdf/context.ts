/** What every PDF block handler needs: the style, the faces and a way to set text. */
import type { Style, ParagraphRole } from "../../style/style.js";
import { resolvedParagraph, SHORT_TEXT_PITCH, textWidth } from "../../style/style.js";
import { composeParagraph, type ComposeOptions, type ComposedLine, type FaceSet, type LineAlign, type ParagraphGeometry, type Span } from "../../typeset/index.js";
import { lineNode } from "./lines.js";

export interface PdfContext {
  style: Style;
  faces: FaceSet;
  /** text block width (points) */
  width: number;
}

export function pdfContext(style: Style, faces: FaceSet): PdfContext {
  return { style, faces, width: textWidth(style) };
}

export function geometryFor(ctx: PdfContext, role: ParagraphRole, opts: { noFirstLineIndent?: boolean; width?: number } = {}): ParagraphGeometry & { pitch: number } {
  const p = resolvedParagraph(ctx.style, role);
  return {
    size: p.size,
    width: opts.width ?? ctx.width,
    leftIndent: p.leftIndentEm * p.size,
    rightIndent: p.rightIndentEm * p.size,
    firstLineIndent: opts.noFirstLineIndent ? 0 : p.firstLineIndentEm * p.size,
    align: p.align,
    pitch: p.lineHeight,
  };
}

export function composeOptions(ctx: PdfContext): ComposeOptions {
  const t = ctx.style.text;
  return {
    cjkLatinGapEm: t.cjkLatinGapEm,
    compressAdjacentPunctuation: t.compressAdjacentPunctuation ?? true,
    hangingPunctuation: t.hangingPunctuation,
    compressLineStart: t.compressLineStart ?? false,
    compressLineEnd: t.compressLineEnd ?? false,
  };
}

export function compose(ctx: PdfContext, spans: Span[], geo: ParagraphGeometry): ComposedLine[] {
  return composeParagraph(spans, ctx.faces, geo, composeOptions(ctx)).lines;
}

/** pdfmake nodes for composed lines of one paragraph. */
export function lineNodes(ctx: PdfContext, lines: ComposedLine[], size: number, pitch: number, weightFaces: "regular" | "bold" = "regular"): Record<string, unknown>[] {
  const set = ctx.faces[weightFaces];
  return lines.map((l) =>
    lineNode(l, { strut: ctx.faces.regular.cjk, size, pitch, latin: set.latin, hangRoom: size * 1.5 }),
  );
}

/** Short text set on one or more lines (masthead, footers): composed by the same typesetter. */
export function setText(
  ctx: PdfContext,
  text: string,
  o: { weight?: "regular" | "bold"; size: number; width: number; align?: LineAlign; pitch?: number },
): Record<string, unknown>[] {
  const geo: ParagraphGeometry = { size: o.size, width: o.width, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: o.align ?? "start" };
  const lines = compose(ctx, [{ text, weight: o.weight ?? "regular" }], geo);
  return lineNodes(ctx, lines, o.size, o.pitch ?? o.size * SHORT_TEXT_PITCH, o.weight ?? "regular");
}
