/**
 * Laid-out pages -> a pdfmake document: every glyph run, rule and mark absolutely positioned on
 * its page. pdfmake draws; it does not lay anything out (no wrapping: runs are final).
 */
import type { Mark } from "../../layout/furniture.js";
import type { Drawing } from "../../marks/index.js";
import { drawingToCanvas, marks } from "./marks.js";
import type { DrawItem } from "./pieces.js";
import { pdfFamily } from "./pdfmake-runtime.js";

type Node = Record<string, unknown>;

function drawingOf(m: Mark): Drawing {
  switch (m.type) {
    case "emblem":
      return marks.emblem(m.size);
    case "barcode":
      return marks.barcode(m.text, m.height, m.narrow);
    case "qr":
      return marks.qr(m.text, m.size);
    case "recycling":
      return marks.recycling(m.size);
  }
}

/** One draw item (page coordinates) as a pdfmake node. */
export function itemNode(it: DrawItem): Node {
  switch (it.kind) {
    case "text": {
      const r = it.run;
      // pdfmake puts a text's baseline at its top plus the face's ascent
      const top = it.baseline - (r.face.font.ascent / r.face.unitsPerEm) * r.size;
      const node: Node = { text: r.text, font: pdfFamily(r.face), fontSize: r.size, lineHeight: 1, noWrap: true, absolutePosition: { x: it.x, y: top } };
      if (r.letterSpacing) node.characterSpacing = r.letterSpacing;
      if (r.features.length) node.fontFeatures = r.features;
      return node;
    }
    case "rule":
      return { canvas: [{ type: "rect", x: 0, y: 0, w: it.width, h: it.thickness, color: "black", lineWidth: 0 }], absolutePosition: { x: it.x, y: it.y } };
    case "mark":
      return { ...drawingToCanvas(drawingOf(it.mark)), absolutePosition: { x: it.x, y: it.y } };
  }
}

/** pdfmake content for pages of items: each page's nodes, then a page break. */
export function pagesContent(pages: DrawItem[][]): Node[] {
  const content: Node[] = [];
  pages.forEach((items, i) => {
    for (const it of items) content.push(itemNode(it));
    if (i < pages.length - 1) content.push({ text: "", pageBreak: "after" });
  });
  return content;
}
