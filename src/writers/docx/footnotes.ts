/**
 * word/footnotes.xml (ECMA-376 Part 1 §17.11): the separators, then each note in the order its
 * reference comes in the body (ids 1, 2, ...: Word renumbers the marks from the order anyway).
 *
 * A note's text: its paragraphs in the footnote text style, the note's own mark (w:footnoteRef, in
 * the footnote reference style: Word shows the note's number there) at the start of the first
 * paragraph, then a tab to the text indent, where the PDF starts it (the number at the margin, the
 * text from textIndentEm). Later paragraphs start at the text indent.
 */
import type { Footnote } from "../../model/types.js";
import { resolvedParagraph } from "../../style/style.js";
import type { DocxContext } from "./context.js";
import { ROOTS } from "./namespaces.js";
import { FOOTNOTE_REF_RUN, paragraph, TAB_RUN } from "./paragraph.js";
import { inlineRuns } from "./runs.js";
import { PARAGRAPH_STYLES, PART_STYLES } from "./styles.js";
import { eighths, twip } from "./units.js";
import { DECLARATION, el, STANDALONE } from "./xml.js";

/** A note's paragraphs as XML, its mark first. */
export function footnoteParagraphs(ctx: DocxContext, note: Footnote): string {
  const p = resolvedParagraph(ctx.style, "footnote");
  // later paragraphs: the first line at the text indent, the others at the left indent
  const first = p.textIndentEm - p.leftIndentEm;
  const later = { left: twip(p.leftIndentEm * p.size), ...(first < 0 ? { hanging: twip(-first * p.size) } : { firstLine: twip(first * p.size), firstLineChars: Math.round(first * 100) }) };
  const last = note.paragraphs.length - 1;
  return note.paragraphs
    .map((para, i) =>
      paragraph(
        {
          style: PARAGRAPH_STYLES.footnote.id,
          ...(i > 0 && { indent: later }),
          // the space between two notes, after the last paragraph of each
          ...(i === last && ctx.style.footnotes.spaceBetween > 0 && { spacing: { after: twip(ctx.style.footnotes.spaceBetween) } }),
        },
        (i === 0 ? FOOTNOTE_REF_RUN + TAB_RUN : "") + inlineRuns(ctx, para, p),
      ),
    )
    .join("");
}

/** The line of the separator paragraph (points): a 1 pt line holding the rule. */
const RULE_LINE = 1;

/**
 * The separators above the notes (§17.11.23): the PDF's short rule, as a paragraph with a top
 * border as wide as style.footnotes.separatorWidth, with the space above and below it the PDF
 * leaves. Word draws what the separator footnotes hold; the same rule separates notes continued
 * from the page before (w:continuationSeparator). Ids -1 and 0, as settings.xml lists them.
 */
function separator(ctx: DocxContext, type: "separator" | "continuationSeparator", id: number): string {
  const f = ctx.style.footnotes;
  const rule = paragraph({
    style: PART_STYLES.rule.id,
    border: { top: { style: "single", size: eighths(f.separatorThickness), color: "000000", space: 0 } },
    spacing: { after: twip(f.separatorBelow), before: twip(f.spaceAbove), line: twip(RULE_LINE), lineRule: "exact" },
    indent: { right: twip(Math.max(0, ctx.width - f.separatorWidth)) },
  });
  return `<w:footnote w:type="${type}" w:id="${id}">${rule}</w:footnote>`;
}

/** The notes of a document: each body reference adds one (`add` gives its id). */
export class Footnotes {
  private readonly notes: string[] = [];

  constructor(private readonly ctx: DocxContext) {}

  /** Puts a note in the part; returns its id (the w:id its reference names). */
  add(note: Footnote): number {
    this.notes.push(footnoteParagraphs(this.ctx, note));
    return this.notes.length;
  }

  part(): string {
    const notes = this.notes.map((text, i) => el("w:footnote", { "w:id": i + 1 }, [text])).join("");
    return `${STANDALONE}${ROOTS.footnotes}${separator(this.ctx, "separator", -1)}${separator(this.ctx, "continuationSeparator", 0)}${notes}</w:footnotes>`;
  }
}

/**
 * word/endnotes.xml: undoc has no endnotes, but settings.xml lists the endnote separators (Word
 * expects them with w:endnotePr), so the part holds them: Word's default separator lines, each
 * after the note mark Word has always written there.
 */
const endnoteSeparator = (type: "separator" | "continuationSeparator", id: number) =>
  `<w:endnote w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
  `<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteRef/></w:r><w:r><w:${type}/></w:r></w:p></w:endnote>`;

export const ENDNOTES = `${DECLARATION}${ROOTS.endnotes}${endnoteSeparator("separator", -1)}${endnoteSeparator("continuationSeparator", 0)}</w:endnotes>`;
