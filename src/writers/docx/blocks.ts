/**
 * Body blocks -> WordprocessingML paragraphs, one handler per block type (a block type this
 * writer forgets is a compile error). Each paragraph is one or a few runs of whole text: Word
 * breaks the lines itself (no w:br), under the styles' East Asian rules.
 */
import { Paragraph, TextRun } from "docx";
import type { Block, Inline } from "../../model/types.js";
import { usesCjkFace } from "../../typeset/classify.js";
import type { FaceSet } from "../../typeset/index.js";
import { slotFor } from "../../typeset/units.js";
import type { DocxContext } from "./context.js";
import { STYLE, type StyleId, type StyleSheet } from "./styles.js";
import { twip } from "./units.js";

/** A paragraph before it is built: the block writer may still adjust its spacing and page break. */
export interface ParagraphSpec {
  style: StyleId;
  runs: TextRun[];
  keepNext?: boolean;
}

type Handler<T extends Block["type"]> = (ctx: DocxContext, block: Extract<Block, { type: T }>) => ParagraphSpec[] | "pageBreak";

/**
 * Characters of ambiguous East Asian width that the PDF sets in the Chinese face (quotes, dashes,
 * ellipsis, middle dot, bullet): w:hint="eastAsia" makes Word do the same (ECMA-376 §17.3.2.26).
 */
function needsEastAsianHint(text: string, faces?: FaceSet, strong = false): boolean {
  for (const ch of text) {
    if (ch.codePointAt(0)! >= 0x2e80) continue; // Word sets these in the East Asian font anyway
    // the same choice as the typesetter: the Chinese face, or the other face of the weight when only it has the glyph (① ★)
    if (faces ? slotFor(ch, faces[strong ? "bold" : "regular"]) === "cjk" : usesCjkFace(ch)) return true;
  }
  return false;
}

export function runsOf(inlines: Inline[], strong = false, faces?: FaceSet): TextRun[] {
  const out: TextRun[] = [];
  for (const n of inlines) {
    if (n.type === "text") {
      if (!n.value) continue;
      out.push(
        new TextRun({
          text: n.value,
          ...(strong && { style: STYLE.strong }),
          ...(needsEastAsianHint(n.value, faces, strong) && { font: { hint: "eastAsia" } }),
        }),
      );
    } else if (n.type === "strong") out.push(...runsOf(n.children, true, faces));
    else if (n.type === "footnote") out.push(new TextRun({ text: n.label, superScript: true }));
    else out.push(...runsOf(n.children, strong, faces)); // emphasis: same face, as in the PDF
  }
  return out;
}

const handlers: { [T in Block["type"]]: Handler<T> } = {
  heading: (ctx, b) => [{ style: b.role === "title" ? STYLE.title : STYLE.heading1, runs: runsOf(b.children, false, ctx.faces) }],
  paragraph: (ctx, b) => [{ style: b.indent === "none" ? STYLE.bodyText : STYLE.bodyFirstIndent, runs: runsOf(b.children, false, ctx.faces) }],
  list: (ctx, b) => b.items.map((item) => ({ style: STYLE.listBullet, runs: runsOf(item.children, false, ctx.faces) })),
  // interim: the DOCX writer for tables and quotations is being rewritten (issue 12)
  table: (ctx, b) => [...b.header, ...b.rows].flatMap((r) => r.cells.flatMap((c) => c.blocks.flatMap((x) => (x.type === "paragraph" ? [{ style: STYLE.bodyText, runs: runsOf(x.children, false, ctx.faces) }] : [])))),
  quote: (ctx, b) => b.blocks.flatMap((x) => (x.type === "paragraph" ? [{ style: STYLE.bodyFirstIndent, runs: runsOf(x.children, false, ctx.faces) }] : [])),
  signature: (ctx, b) =>
    // the lines keep together (style w:keepNext); the last one need not keep with what follows
    b.lines.map((line, i) => ({ style: STYLE.signature, runs: runsOf(line, false, ctx.faces), ...(i === b.lines.length - 1 && { keepNext: false }) })),
  pageBreak: () => "pageBreak",
  endRule: () => [{ style: STYLE.endRule, runs: [] }],
};

/**
 * All body blocks as paragraphs. Spacing: both writers add the space after one paragraph to the
 * space before the next (Word's rule); after a page break the PDF puts none, so the first
 * paragraph of the new page gets a w:spacing/@w:before of 0 of its own.
 */
export function bodyParagraphs(ctx: DocxContext, sheet: StyleSheet, blocks: Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  let pageBreak = false;
  let prev: { style: StyleId; after: number } | undefined;
  for (const block of blocks) {
    const specs = (handlers[block.type] as Handler<typeof block.type>)(ctx, block as never);
    if (specs === "pageBreak") {
      pageBreak = out.length > 0;
      continue;
    }
    for (const spec of specs) {
      const own = sheet.spacing(spec.style);
      const sameContextual = own.contextual && prev?.style === spec.style;
      const prevAfter = sameContextual ? 0 : (prev?.after ?? 0);
      const before = sameContextual ? 0 : own.before;
      const wanted = pageBreak ? 0 : prevAfter + before;
      const override = !sameContextual && prevAfter + before !== wanted ? Math.max(0, wanted - prevAfter) : undefined;
      out.push(
        new Paragraph({
          style: spec.style,
          children: spec.runs,
          ...(pageBreak && { pageBreakBefore: true }),
          ...(spec.keepNext !== undefined && { keepNext: spec.keepNext }),
          ...(override !== undefined && { spacing: { before: twip(override) } }),
        }),
      );
      prev = { style: spec.style, after: own.after };
      pageBreak = false;
    }
  }
  return out;
}
