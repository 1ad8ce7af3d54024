/**
 * The logical structure of the PDF (tagged PDF, ISO 32000-1 §14.8; PDF/UA-1): a tree of standard
 * structure types built while the blocks are laid out. Every text item drawn points at its node;
 * items without one (running headers and footers, rules, the barcode) are drawn as artifacts.
 * draw.ts turns the nodes into pdfkit structure elements when their first content is drawn, so
 * the tree is in reading order: the order blocks are laid out, with each footnote's Note right
 * after its Reference.
 */

export type StructType =
  | "Document"
  | "Div"
  | "P"
  | "H1"
  | "H2"
  | "H3"
  | "H4"
  | "H5"
  | "H6"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "TR"
  | "TH"
  | "TD"
  | "Caption"
  | "BlockQuote"
  | "Note"
  | "Reference"
  | "Figure";

export interface StructNode {
  type: StructType;
  parent?: StructNode;
  /** alternative text (figures) */
  alt?: string;
  /** language of the element when it differs from the document's */
  lang?: string;
  /** TH: the cells the header applies to */
  scope?: "Column" | "Row";
  /** Note: its identifier (PDF/UA requires one) */
  id?: string;
  /** Reference: the Note it points to, set right after it in the tree */
  note?: StructNode;
}

export function structNode(type: StructType, parent?: StructNode, extra: Partial<StructNode> = {}): StructNode {
  return { type, ...(parent && { parent }), ...extra };
}

/** The heading type of a depth (1 = the document's titles), H6 at most. */
export function headingType(depth: number): StructType {
  return `H${Math.min(Math.max(depth, 1), 6)}` as StructType;
}
