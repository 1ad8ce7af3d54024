/**
 * Body blocks -> pieces, one handler per block type (a block type this writer does not handle is
 * a compile error). Handlers set their text through setParagraph and decide how the lines hold
 * together; bodyPieces adds the spacing between blocks (Word's rule: the space after one
 * paragraph and the space before the next add up) and the page breaks.
 */
import { headingRole, listRole, paragraphRole } from "../../layout/roles.js";
import type { Block } from "../../model/types.js";
import { resolvedParagraph } from "../../style/style.js";
import { keepParagraphLines, keepTogether, setParagraph, type PdfContext } from "./context.js";
import { cellBlockParts, joinParagraphs, listParts, pageBodyHeight } from "./parts.js";
import type { Piece } from "./pieces.js";
import { headingType, structNode } from "./structure.js";
import { tablePieces } from "./table.js";

export interface BlockOutput {
  pieces: Piece[];
  spaceBefore: number;
  spaceAfter: number;
  pageBreak?: boolean;
}

type Handler<T extends Block["type"]> = (ctx: PdfContext, block: Extract<Block, { type: T }>) => BlockOutput;

const handlers: { [T in Block["type"]]: Handler<T> } = {
  heading(ctx, b) {
    // document titles are the first level; section levels follow (H2 for a chapter)
    const tag = structNode(headingType(b.role === "title" ? 1 : b.level + 1), ctx.root);
    const { pieces, style } = setParagraph(ctx, b.children, headingRole(b), { label: b.label, tag });
    keepTogether(pieces, pageBodyHeight(ctx));
    if (style.keepWithNext && pieces.length) pieces[pieces.length - 1].keepWithNext = true;
    return { pieces, spaceBefore: style.spaceBefore, spaceAfter: style.spaceAfter };
  },
  paragraph(ctx, b) {
    const { pieces, style } = setParagraph(ctx, b.children, paragraphRole(b), { label: b.label, noFirstLineIndent: b.indent === "none", tag: structNode("P", ctx.root) });
    keepParagraphLines(pieces);
    if (style.keepWithNext && pieces.length) pieces[pieces.length - 1].keepWithNext = true;
    return { pieces, spaceBefore: style.spaceBefore, spaceAfter: style.spaceAfter };
  },
  list(ctx, b) {
    const p = resolvedParagraph(ctx.style, listRole(b.level));
    return { pieces: joinParagraphs(listParts(ctx, b, ctx.root)), spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter };
  },
  table(ctx, b) {
    const t = ctx.style.table;
    return { pieces: tablePieces(ctx, b), spaceBefore: t.spaceBefore, spaceAfter: t.spaceAfter };
  },
  quote(ctx, b) {
    const p = resolvedParagraph(ctx.style, "quote");
    return { pieces: joinParagraphs(cellBlockParts(ctx, b.blocks, "quote", structNode("BlockQuote", ctx.root))), spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter };
  },
  signature(ctx, b) {
    const block = structNode("Div", ctx.root);
    const pieces = b.lines.flatMap((line) => setParagraph(ctx, line, "signature", { tag: structNode("P", block) }).pieces);
    keepTogether(pieces, pageBodyHeight(ctx));
    const p = resolvedParagraph(ctx.style, "signature");
    return { pieces, spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter };
  },
  pageBreak() {
    return { pieces: [], spaceBefore: 0, spaceAfter: 0, pageBreak: true };
  },
  endRule(ctx) {
    const r = ctx.style.endRule;
    const piece: Piece = { height: r.thickness, items: [{ kind: "rule", x: (ctx.width - r.width) / 2, y: 0, width: r.width, thickness: r.thickness }], keepWithNext: false, gapBefore: 0, notes: [] };
    return { pieces: [piece], spaceBefore: r.spaceBefore, spaceAfter: 0 };
  },
};

export function blockOutput(ctx: PdfContext, block: Block): BlockOutput {
  return (handlers[block.type] as Handler<typeof block.type>)(ctx, block as never);
}

/**
 * All body blocks as pieces, with the spacing between blocks and the page breaks. A generator:
 * each block is laid out when pagination reaches it, and its pieces can be dropped once placed.
 */
export function* bodyPieces(ctx: PdfContext, blocks: Block[]): Generator<Piece> {
  let started = false;
  let pendingBreak = false;
  let prevAfter = 0;
  for (const block of blocks) {
    const b = blockOutput(ctx, block);
    if (b.pageBreak) {
      pendingBreak = started;
      continue;
    }
    if (!b.pieces.length) continue;
    const first = b.pieces[0];
    first.gapBefore = started && !pendingBreak ? prevAfter + b.spaceBefore : 0;
    if (pendingBreak) first.breakBefore = true;
    pendingBreak = false;
    started = true;
    prevAfter = b.spaceAfter;
    yield* b.pieces;
  }
}
