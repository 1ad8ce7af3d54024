/**
 * Inline content -> WordprocessingML runs (w:r), from the same spans the PDF sets (layout/roles.ts spansFor):
 * - strong text in the Strong character style, emphasis in the Emphasis style;
 * - each run's characters in the face the typesetter chose (slots.ts): w:hint="eastAsia" where it
 *   set a character of ambiguous width (quotes, dashes, ·, ①, ★) in the Chinese face, so Word takes
 *   the East Asian font for it too (ECMA-376 Part 1 §17.3.2.26); such a run names that face in
 *   every slot, for LibreOffice, which does not read the hint;
 * - emphasis slants Latin text only: ideographs are never slanted, they take the Kai face (the
 *   Emphasis style's East Asian font); whichever the style does, runs of the other script get the
 *   opposite w:i directly;
 * - a footnote as a w:footnoteReference to its note in word/footnotes.xml (footnotes.ts numbers
 *   them in document order; Word renumbers the notes when a user inserts one).
 */
import { labelSpan, spansFor } from "../../layout/roles.js";
import type { Inline } from "../../model/types.js";
import type { ResolvedParagraph } from "../../style/style.js";
import { clusterize, spanSlot } from "../../typeset/units.js";
import { variantOf, type Span } from "../../typeset/index.js";
import type { DocxContext } from "./context.js";
import { footnoteReferenceRun, TAB_RUN, textRun, type RunFonts } from "./paragraph.js";
import { slotOf } from "./slots.js";
import { CHARACTER_STYLES, slantsItalic } from "./styles.js";

type RoleLook = Pick<ResolvedParagraph, "weight" | "italic">;

/** Characters whose font Word chooses by w:hint: Latin-1 and the symbols below the CJK blocks (ASCII never, CJK always East Asian). */
const hintMatters = (cp: number) => cp >= 0x80 && cp < 0x2e80;

interface Piece {
  text: string;
  slot: "cjk" | "latin";
}

/** A span cut where its characters change face (only where that changes what Word does). */
function pieces(ctx: DocxContext, span: Span, italicMatters: boolean): Piece[] {
  const set = ctx.faces[variantOf(span.weight, span.italic)];
  const out: Piece[] = [];
  let pending = ""; // characters whose face does not matter here: they join the piece before (or after)
  for (const c of clusterize(span.text)) {
    const text = span.text.slice(c.start, c.end); // as written: default-ignorable characters included
    const cp = c.text.codePointAt(0) ?? 0x20;
    // ASCII keeps to runs of its own next to characters set in the Chinese face: those runs name the Chinese face in every slot
    const matters = italicMatters ? cp > 0x20 : hintMatters(cp) || (cp > 0x20 && cp < 0x80);
    const last = out[out.length - 1];
    if (!matters) {
      if (last) last.text += text;
      else pending += text;
      continue;
    }
    const slot = slotOf(c.text, set, span, ctx.docLang);
    if (last && last.slot === slot) last.text += text;
    else out.push({ text: pending + text, slot }), (pending = "");
  }
  if (pending || !out.length) out.push({ text: pending || span.text, slot: "latin" });
  return out;
}

/** Runs of one span in a paragraph of `role` look. */
function spanRuns(ctx: DocxContext, span: Span, role: RoleLook): string {
  const italic = !!span.italic;
  const variant = variantOf(span.weight, italic);
  // the character style: emphasis where the slope changes to italic, Strong where only the weight changes
  const style = italic && !role.italic ? CHARACTER_STYLES.emphasis : span.weight === "bold" && role.weight !== "bold" ? CHARACTER_STYLES.strong : undefined;
  // what the paragraph and character styles give the run, and what it needs
  const styleVariant = style === CHARACTER_STYLES.emphasis ? "italic" : style === CHARACTER_STYLES.strong ? "bold" : variantOf(role.weight, role.italic);
  const styleBold = style === CHARACTER_STYLES.strong || role.weight === "bold";
  const styleSlant = (italic || role.italic) && slantsItalic(ctx);
  const fonts = ctx.fonts[variant];
  const sameFonts = ctx.fonts[styleVariant].latin === fonts.latin && ctx.fonts[styleVariant].cjk === fonts.cjk;
  let out = "";
  for (const p of pieces(ctx, span, italic || role.italic)) {
    const slant = italic && p.slot === "latin"; // ideographs are never slanted
    const hint = p.slot === "cjk" && [...p.text].some((ch) => hintMatters(ch.codePointAt(0)!));
    out += textRun(
      {
        style: style?.id,
        fonts: !sameFonts || hint ? (hint ? { ascii: fonts.cjk, hAnsi: fonts.cjk, eastAsia: fonts.cjk, cs: fonts.cjk, hint: "eastAsia" } : { ascii: fonts.latin, hAnsi: fonts.latin, eastAsia: fonts.cjk, cs: fonts.latin }) : undefined,
        bold: styleBold !== (span.weight === "bold") ? span.weight === "bold" : undefined,
        italic: slant !== styleSlant ? slant : undefined,
      },
      p.text,
    );
  }
  return out;
}

/**
 * A paragraph's inline content as runs, footnote references included. `noteId` puts a note into
 * word/footnotes.xml and gives its id; without it (text outside the body: furniture, a note's own
 * text) a footnote leaves no reference, as a note can only be referred to from the body.
 */
export function inlineRuns(ctx: DocxContext, inlines: Inline[], role: RoleLook, noteId?: (n: Extract<Inline, { type: "footnote" }>) => number): string {
  let out = "";
  const spans = spansFor(inlines, role);
  const footnotes = collectFootnotes(inlines);
  let k = 0;
  for (const span of spans) {
    if (span.superscript) {
      // spansFor sets each footnote as its label, superscript, in document order
      const note = footnotes[k++];
      if (noteId) out += footnoteReferenceRun(noteId(note));
      continue;
    }
    if (span.text) out += spanRuns(ctx, span, role);
  }
  return out;
}

function collectFootnotes(inlines: Inline[]): Extract<Inline, { type: "footnote" }>[] {
  const out: Extract<Inline, { type: "footnote" }>[] = [];
  for (const n of inlines) {
    if (n.type === "footnote") out.push(n);
    else if (n.type !== "text") out.push(...collectFootnotes(n.children));
  }
  return out;
}

/**
 * The font of a label (a number, a bullet, "(a)"): the Latin face when it has every character,
 * as the typesetter sets labels (roles.ts labelSpan), else the Chinese face. Named in every slot,
 * so Word and LibreOffice agree whichever slot they give an ambiguous character such as "•".
 */
export function labelFont(ctx: DocxContext, text: string, role: Pick<ResolvedParagraph, "weight">): RunFonts {
  const span = labelSpan(text, role);
  const set = ctx.faces[variantOf(span.weight)];
  const latin = clusterize(text).every((c) => spanSlot(c.text, set, span) === "latin");
  const names = ctx.fonts[variantOf(span.weight)];
  const name = latin ? names.latin : names.cjk;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, ...(!latin && { hint: "eastAsia" }) };
}

/** A label given as text by the data: the label, upright, then a tab to the text indent. */
export function textLabelRuns(ctx: DocxContext, text: string, role: RoleLook): string {
  return textRun({ fonts: labelFont(ctx, text, role), italic: role.italic && slantsItalic(ctx) ? false : undefined }, text) + TAB_RUN;
}
