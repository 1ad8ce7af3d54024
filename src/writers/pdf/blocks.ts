/**
 * Body blocks -> pdfmake nodes, one handler per block type (a new block type that this writer
 * does not handle is a compile error). Each handler returns "chunks": node groups that must stay
 * on one page (Word's widow/orphan control keeps two lines together at each end of a paragraph).
 */
import type { Block } from "../../model/types.js";
import { pageSize, resolvedParagraph } from "../../style/style.js";
import { spansOf, type ComposedLine, type GlyphRun } from "../../typeset/index.js";
import { measure } from "../../typeset/units.js";
import { compose, geometryFor, lineNodes, type PdfContext } from "./context.js";

type Node = Record<string, unknown>;

export interface BlockOutput {
  chunks: Node[][];
  spaceBefore: number;
  spaceAfter: number;
  keepWithNext: boolean;
  pageBreakBefore?: boolean;
  /** distance between baselines of the block's lines (to estimate a chunk's height) */
  pitch: number;
}

type Handler<T extends Block["type"]> = (ctx: PdfContext, block: Extract<Block, { type: T }>) => BlockOutput;

/** Splits a paragraph's lines into chunks: first two and last two lines stay together. */
function paragraphChunks(nodes: Node[]): Node[][] {
  if (nodes.length <= 3) return [nodes];
  const chunks: Node[][] = [nodes.slice(0, 2)];
  for (let i = 2; i < nodes.length - 2; i++) chunks.push([nodes[i]]);
  chunks.push(nodes.slice(-2));
  return chunks;
}

/** Height of a page's text block (points). */
function pageBodyHeight(ctx: PdfContext): number {
  const m = ctx.style.page.margin;
  return pageSize(ctx.style).height - m.top - m.bottom;
}

/**
 * Lines that should stay on one page (a heading, a signature): one chunk, unless they take more
 * than half a page. pdfmake keeps only the first page of an unbreakable block that runs past a
 * page (PageElementWriter.commitUnbreakableBlock: "no support for multi-page unbreakableBlocks"):
 * the rest of its text would be lost. A block that tall is split like a paragraph instead.
 */
function keptTogether(ctx: PdfContext, nodes: Node[], pitch: number): Node[][] {
  return nodes.length * pitch > pageBodyHeight(ctx) / 2 ? paragraphChunks(nodes) : [nodes];
}

const handlers: { [T in Block["type"]]: Handler<T> } = {
  heading(ctx, b) {
    const role = b.role === "title" ? "title" : "section";
    const p = resolvedParagraph(ctx.style, role);
    const geo = geometryFor(ctx, role);
    const lines = compose(ctx, spansOf(b.children, p.weight), geo);
    const nodes = lineNodes(ctx, lines, p.size, p.lineHeight, p.weight);
    return { chunks: keptTogether(ctx, nodes, p.lineHeight), spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter, keepWithNext: p.keepWithNext, pitch: p.lineHeight };
  },
  paragraph(ctx, b) {
    const p = resolvedParagraph(ctx.style, "body");
    const geo = geometryFor(ctx, "body", { noFirstLineIndent: b.indent === "none" });
    const lines = compose(ctx, spansOf(b.children, p.weight), geo);
    return { chunks: paragraphChunks(lineNodes(ctx, lines, p.size, p.lineHeight)), spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter, keepWithNext: p.keepWithNext, pitch: p.lineHeight };
  },
  list(ctx, b) {
    const p = resolvedParagraph(ctx.style, "listItem");
    const li = ctx.style.paragraphs.listItem;
    const geo = { ...geometryFor(ctx, "listItem"), firstLineIndent: (li.textIndentEm - (li.leftIndentEm ?? 0)) * p.size };
    const chunks: Node[][] = [];
    b.items.forEach((item, n) => {
      const lines = compose(ctx, spansOf(item.children, p.weight), geo);
      if (lines.length) lines[0] = withMarker(ctx, lines[0], li.marker, li.markerIndentEm * p.size, p.size);
      const nodes = lineNodes(ctx, lines, p.size, p.lineHeight);
      const itemChunks = paragraphChunks(nodes);
      if (n < b.items.length - 1) {
        const last = itemChunks[itemChunks.length - 1];
        last[last.length - 1] = { stack: [last[last.length - 1]], margin: [0, 0, 0, p.spaceAfter] };
      }
      chunks.push(...itemChunks);
    });
    return { chunks, spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter, keepWithNext: p.keepWithNext, pitch: p.lineHeight };
  },
  signature(ctx, b) {
    const p = resolvedParagraph(ctx.style, "signature");
    const geo = geometryFor(ctx, "signature");
    const nodes = b.lines.flatMap((line) => lineNodes(ctx, compose(ctx, spansOf(line, p.weight), geo), p.size, p.lineHeight, p.weight));
    return { chunks: keptTogether(ctx, nodes, p.lineHeight), spaceBefore: p.spaceBefore, spaceAfter: p.spaceAfter, keepWithNext: false, pitch: p.lineHeight };
  },
  pageBreak() {
    return { chunks: [], spaceBefore: 0, spaceAfter: 0, keepWithNext: false, pageBreakBefore: true, pitch: 0 };
  },
  endRule(ctx) {
    const r = ctx.style.endRule;
    const x = (ctx.width - r.width) / 2;
    const rule = { canvas: [{ type: "line", x1: x, y1: 0, x2: x + r.width, y2: 0, lineWidth: r.thickness }] };
    return { chunks: [[rule]], spaceBefore: r.spaceBefore, spaceAfter: 0, keepWithNext: false, pitch: r.thickness };
  },
};

/** The first line of a list item with its marker prepended at the marker position. */
function withMarker(ctx: PdfContext, line: ComposedLine, marker: string, markerX: number, size: number): ComposedLine {
  // the marker is a list decoration: set it in the Latin face (a Times-like bullet, as Word's), unless only the Chinese face has it
  const latin = ctx.faces.regular.latin;
  const face = [...marker].every((c) => latin.font.hasGlyphForCodePoint(c.codePointAt(0)!)) ? latin : ctx.faces.regular.cjk;
  const run: GlyphRun = { text: marker, face, size, features: [], x: 0, letterSpacing: 0, advance: measure(face, marker, [], size), start: 0, end: 0, rise: 0 };
  const shift = line.indent - markerX;
  return { ...line, indent: markerX, runs: [run, ...line.runs.map((r) => ({ ...r, x: r.x + shift }))] };
}

export function blockOutput(ctx: PdfContext, block: Block): BlockOutput {
  return (handlers[block.type] as Handler<typeof block.type>)(ctx, block as never);
}

/** All body blocks as a pdfmake content array, honouring keep-with-next and page breaks. */
export function bodyContent(ctx: PdfContext, blocks: Block[]): Node[] {
  const content: Node[] = [];
  const heights: number[] = []; // estimated height of each content node (points)
  const limit = pageBodyHeight(ctx);
  let pendingBreak = false;
  let keepPrevious = false;
  let prevSpaceAfter = 0;
  for (const block of blocks) {
    const out = blockOutput(ctx, block);
    if (out.pageBreakBefore) {
      pendingBreak = true;
      continue;
    }
    if (!out.chunks.length) continue;
    // Word's rule: the space after one paragraph and the space before the next add up (none at the top of a new page)
    const gap = content.length && !pendingBreak ? prevSpaceAfter + out.spaceBefore : 0;
    const chunks: Node[] = out.chunks.map((nodes) => ({ stack: nodes, unbreakable: true }));
    const chunkHeights = out.chunks.map((nodes) => nodes.length * out.pitch);
    chunkHeights[0] += gap;
    chunks[0].margin = [0, gap, 0, 0];
    if (pendingBreak) chunks[0].pageBreak = "before";
    pendingBreak = false;
    // keep-with-next: the previous block's last chunk and this block's first share a page, unless
    // together they are taller than a page (an unbreakable group that tall would lose text; Word
    // too lets such blocks part)
    if (keepPrevious && content.length && heights[heights.length - 1] + chunkHeights[0] <= limit) {
      const previous = content.pop()!;
      const group: Node = { stack: [{ ...previous, pageBreak: undefined }, chunks[0]], unbreakable: true };
      if (previous.pageBreak) group.pageBreak = previous.pageBreak;
      chunks[0] = group;
      chunkHeights[0] += heights.pop()!;
    }
    content.push(...chunks);
    heights.push(...chunkHeights);
    keepPrevious = out.keepWithNext;
    prevSpaceAfter = out.spaceAfter;
  }
  return content;
}
