/**
 * A footnote's text, for word/footnotes.xml: its paragraphs in the footnote text style. docx puts
 * the note's own reference mark (w:footnoteRef, in the footnote reference style: Word shows the
 * note's number there) at the start of the first paragraph; a tab takes the text to the text
 * indent, where the PDF starts it (the number at the margin, the text from textIndentEm). Later
 * paragraphs start at the text indent.
 */
import { BorderStyle, FootNotes, LineRuleType, Paragraph, Tab, TextRun } from "docx";
import type { Footnote } from "../../model/types.js";
import { resolvedParagraph } from "../../style/style.js";
import type { DocxContext } from "./context.js";
import { inlineRuns } from "./runs.js";
import { PARAGRAPH_STYLES, PART_STYLES } from "./styles.js";
import { eighths, twip } from "./units.js";
import { el, type Element } from "./xml.js";

export function footnoteParagraphs(ctx: DocxContext, note: Footnote): Paragraph[] {
  const p = resolvedParagraph(ctx.style, "footnote");
  // later paragraphs: the first line at the text indent, the others at the left indent
  const first = p.textIndentEm - p.leftIndentEm;
  const later = { left: twip(p.leftIndentEm * p.size), ...(first < 0 ? { hanging: twip(-first * p.size) } : { firstLine: twip(first * p.size), firstLineChars: Math.round(first * 100) }) };
  return note.paragraphs.map(
    (para, i) =>
      new Paragraph({
        style: PARAGRAPH_STYLES.footnote.id,
        children: [...(i === 0 ? [new TextRun({ children: [new Tab()] })] : []), ...inlineRuns(ctx, para, p, () => [])],
        ...(i > 0 && { indent: later }),
        // the space between two notes, after the last paragraph of each
        ...(i === note.paragraphs.length - 1 && ctx.style.footnotes.spaceBetween > 0 && { spacing: { after: twip(ctx.style.footnotes.spaceBetween) } }),
      }),
  );
}


/** The line of the separator paragraph (points): a 1 pt line holding the rule. */
const RULE_LINE = 1;

/**
 * The separators above the notes (ECMA-376 Part 1 §17.11.23): the PDF's short rule, as a
 * paragraph with a top border as wide as style.footnotes.separatorWidth, with the space above and
 * below it the PDF leaves. Word draws what the separator footnotes hold; the same rule separates
 * notes continued from the page before (w:continuationSeparator).
 */
function separator(ctx: DocxContext, type: "separator" | "continuationSeparator", id: number): Element {
  const f = ctx.style.footnotes;
  const paragraph = new Paragraph({
    style: PART_STYLES.rule.id,
    border: { top: { style: BorderStyle.SINGLE, size: eighths(f.separatorThickness), color: "000000", space: 0 } },
    spacing: { before: twip(f.spaceAbove), after: twip(f.separatorBelow), line: twip(RULE_LINE), lineRule: LineRuleType.EXACT },
    indent: { right: twip(Math.max(0, ctx.width - f.separatorWidth)) },
  });
  return el("w:footnote", { "w:type": type, "w:id": id }, [paragraph]);
}

/**
 * word/footnotes.xml as docx builds it (each FootnoteReferenceRun adds its note, numbered in
 * document order), with undoc's separators: docx 9.15 puts a w:footnoteRef (a note's number) in
 * front of the w:separator of its own, which Word would show above the notes.
 */
export class Footnotes extends FootNotes {
  constructor(ctx: DocxContext) {
    super();
    // docx's constructor writes the namespaces, then its separator (-1) and continuation separator (0)
    if (this.root.length !== 3) throw new Error("docx's FootNotes changed: undoc expects its namespaces and two separators");
    this.root.splice(1, 2, separator(ctx, "separator", -1), separator(ctx, "continuationSeparator", 0));
  }
}
