/** What every PDF block handler needs: the style, the faces, and a way to set a paragraph into pieces. */
import { ascentOf, type Face } from "../../fonts/registry.js";
import { composeOptions } from "../../layout/compose-options.js";
import { footnotesIn, labelSpan, spansFor, type ParagraphRole } from "../../layout/roles.js";
import type { Footnote, Inline, Label } from "../../model/types.js";
import { resolvedParagraph, textWidth, type ResolvedParagraph, type Style } from "../../style/style.js";
import { composeParagraph, type ComposedLine, type ComposeOptions, type FaceSet, type LineAlign, type ParagraphGeometry, type Span } from "../../typeset/index.js";
import type { DrawItem, NoteLayout, Piece } from "./pieces.js";
import { structNode, type StructNode } from "./structure.js";

/** A run whose glyphs are drawn right to left (odd bidi level): its text for readers is its logical text. */
export function isRtlRun(run: { level?: number }): boolean {
  return run.level !== undefined && run.level % 2 === 1;
}

export interface PdfContext {
  style: Style;
  faces: FaceSet;
  /** text block width (points) */
  width: number;
  opt: ComposeOptions;
  /** the face whose ascent sets every line's baseline (the body face), so baselines do not depend on the faces a line uses */
  strut: Face;
  /** footnote layouts, made once per footnote */
  notes: Map<Footnote, NoteLayout>;
  /** the structure tree's root */
  root: StructNode;
}

export function pdfContext(style: Style, faces: FaceSet, lang?: string): PdfContext {
  return {
    style,
    faces,
    width: textWidth(style),
    // the language picks the composer: Chinese rules, or words, hyphenation and optimum fit
    opt: composeOptions(style, lang),
    strut: faces.regular.cjk,
    notes: new Map(),
    root: structNode("Document"),
  };
}

/** Distance from the top of a line's box to its baseline: the strut face's ascent. */
export function baselineOffset(ctx: PdfContext, size: number): number {
  return (ascentOf(ctx.strut) / ctx.strut.unitsPerEm) * size;
}

/** A label's width past which the first line's text is pushed on (em). */
const LABEL_MIN_GAP_EM = 0.5;

export interface SetOptions {
  /** the structure element the text belongs to (P, H1, LBody, TD ...); none: an artifact */
  tag?: StructNode;
  /** the label's own element (a list item's Lbl); default: the text's */
  labelTag?: StructNode;
  label?: Label;
  /** set the label superscript (footnote numbers in the notes) */
  labelSuperscript?: boolean;
  /** the paragraph's box: left edge from the text block's left edge, and width */
  x?: number;
  width?: number;
  noFirstLineIndent?: boolean;
  /** overrides the style's alignment (table columns) */
  align?: LineAlign;
  /** overrides the style's first-line indent (em): later paragraphs of a footnote */
  firstLineIndentEm?: number;
}

/** Composes one line of text at its natural width (labels, furniture). */
export function setLine(ctx: PdfContext, spans: Span[], size: number): ComposedLine | undefined {
  const geo: ParagraphGeometry = { size, width: 1e6, leftIndent: 0, rightIndent: 0, firstLineIndent: 0, align: "start" };
  return composeParagraph(spans, ctx.faces, geo, ctx.opt).lines[0];
}

/** How far a line's glyphs reach from its start edge (in a reordered bidi line the last run need not be the farthest). */
export function lineWidth(line: ComposedLine | undefined): number {
  if (!line?.runs.length) return 0;
  let far = 0;
  for (const r of line.runs) far = Math.max(far, r.x + r.advance + r.letterSpacing * ([...r.text].length - 1));
  return far;
}

/**
 * The items of a composed line. Each run stands for the text from its start to the next run's
 * start (its word space included; a printed hyphenation hyphen excluded, it is not in the text),
 * so text extraction and read-aloud give the paragraph's text exactly: `actual` carries it where
 * it differs from the glyphs, and always for a run drawn right to left (its glyphs are in visual
 * order, brackets mirrored). Runs inside a footnote reference take the reference's tag.
 */
function lineItems(line: ComposedLine, next: ComposedLine | undefined, text: string, x: number, baseline: number, tagAt: (offset: number) => StructNode | undefined): DrawItem[] {
  return line.runs.map((run, k) => {
    const end = k + 1 < line.runs.length ? line.runs[k + 1].start : next ? next.start : Math.max(run.end, line.end);
    const stands = text.slice(run.start, Math.max(end, run.end));
    // one shape for every text item (no `delete`, which would put the object in V8's slow mode)
    return { kind: "text", run, x: x + line.indent + run.x, baseline: baseline - run.rise, tag: tagAt(run.start), actual: stands !== run.text || isRtlRun(run) ? stands : undefined };
  });
}

/**
 * A paragraph as pieces, one per line: its text composed in the role's style (with a label at the
 * label indent and the first line's text at the text indent), the footnotes of each line attached
 * to it. Keep flags are left false: the caller decides how the lines hold together.
 */
export function setParagraph(ctx: PdfContext, inlines: Inline[], role: ParagraphRole, o: SetOptions = {}): { pieces: Piece[]; style: ResolvedParagraph } {
  const p = resolvedParagraph(ctx.style, role);
  const size = p.size;
  const x0 = o.x ?? 0;
  const spans = spansFor(inlines, p);
  const leftIndent = p.leftIndentEm * size;
  let firstLineIndent = o.noFirstLineIndent ? 0 : (o.firstLineIndentEm ?? p.firstLineIndentEm) * size;
  let label: ComposedLine | undefined;
  const labelX = p.labelIndentEm * size;
  if (o.label) {
    label = setLine(ctx, [{ ...labelSpan(o.label.text, p), ...(o.labelSuperscript && { superscript: true }) }], size);
    const textX = Math.max(p.textIndentEm * size, labelX + lineWidth(label) + (lineWidth(label) ? LABEL_MIN_GAP_EM * size : 0));
    firstLineIndent = textX - leftIndent;
  }
  const geo: ParagraphGeometry = {
    size,
    width: o.width ?? ctx.width,
    leftIndent,
    rightIndent: p.rightIndentEm * size,
    firstLineIndent,
    align: o.align ?? p.align,
  };
  const composed = composeParagraph(spans, ctx.faces, geo, ctx.opt);
  const lines = composed.lines;
  const base = baselineOffset(ctx, size);
  // footnote references: their offsets in the text, each with its Reference and Note elements
  const notes = footnotesIn(inlines);
  const refs: { at: number; end: number; note: Footnote; tag?: StructNode }[] = [];
  {
    let offset = 0;
    let k = 0;
    for (const sp of spans) {
      if (sp.superscript && k < notes.length) {
        const note = notes[k++];
        let tag: StructNode | undefined;
        if (o.tag) {
          const noteTag = structNode("Note", o.tag, { id: `note-${note.label}` });
          tag = structNode("Reference", o.tag, { note: noteTag });
        }
        refs.push({ at: offset, end: offset + sp.text.length, note, tag });
      }
      offset += sp.text.length;
    }
  }
  const tagAt = (offset: number) => refs.find((r) => offset >= r.at && offset < r.end)?.tag ?? o.tag;
  const pieces: Piece[] = lines.map((line, n) => ({ height: p.lineHeight, items: lineItems(line, lines[n + 1], composed.text, x0, base, tagAt), keepWithNext: false, gapBefore: 0, notes: [] }));
  if (label) {
    if (!pieces.length) pieces.push({ height: p.lineHeight, items: [], keepWithNext: false, gapBefore: 0, notes: [] });
    const labelTag = o.labelTag ?? o.tag;
    const labelItems = lineItems(label, undefined, o.label!.text, x0 + labelX, base, () => labelTag);
    // the label reads as a word of its own: a space after it
    const lastLabel = labelItems[labelItems.length - 1];
    if (lastLabel?.kind === "text") lastLabel.actual = `${lastLabel.actual ?? lastLabel.run.text} `;
    pieces[0].items.unshift(...labelItems);
  }
  // each footnote goes with the line that holds its reference mark
  for (const r of refs) {
    if (!pieces.length) break;
    const at = lines.findIndex((l) => r.at >= l.start && r.at < Math.max(l.end, l.start + 1));
    pieces[at >= 0 ? at : pieces.length - 1].notes.push(noteLayout(ctx, r.note, r.tag?.note));
  }
  return { pieces, style: p };
}

/**
 * A footnote's lines in the footnote style: the number superscript at the label indent, then the
 * text; tagged as its Note (a Lbl for the number, a P per paragraph).
 */
export function noteLayout(ctx: PdfContext, note: Footnote, tag?: StructNode): NoteLayout {
  let layout = ctx.notes.get(note);
  if (layout) return layout;
  const lines: Piece[] = [];
  note.paragraphs.forEach((para, i) => {
    const p = resolvedParagraph(ctx.style, "footnote");
    const text = tag ? structNode("P", tag) : undefined;
    const set = i === 0
      ? setParagraph(ctx, para, "footnote", { label: { text: note.label }, labelSuperscript: true, tag: text, labelTag: tag && structNode("Lbl", tag) })
      : setParagraph(ctx, para, "footnote", { firstLineIndentEm: p.textIndentEm - p.leftIndentEm, tag: text });
    lines.push(...set.pieces);
  });
  layout = { label: note.label, lines };
  ctx.notes.set(note, layout);
  return layout;
}

/**
 * Word's widow and orphan control: the first two and the last two lines of a paragraph stay on
 * one page (a paragraph of three lines or fewer stays whole).
 */
export function keepParagraphLines(pieces: Piece[]): void {
  const n = pieces.length;
  if (n <= 3) {
    for (let i = 0; i < n - 1; i++) pieces[i].keepWithNext = true;
    return;
  }
  pieces[0].keepWithNext = true;
  pieces[n - 2].keepWithNext = true;
}

/** Lines that stay together (a heading, a signature) unless they are taller than half a page. */
export function keepTogether(pieces: Piece[], pageBody: number): void {
  const height = pieces.reduce((h, p) => h + p.height, 0);
  if (height > pageBody / 2) return keepParagraphLines(pieces);
  for (let i = 0; i < pieces.length - 1; i++) pieces[i].keepWithNext = true;
}
