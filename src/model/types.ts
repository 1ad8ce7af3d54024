/**
 * The document model: the one contract between templates (through the markup) and the writers.
 * Plain JSON-serialisable nodes, each with a `type`, in the manner of unist/mdast.
 */

export type Inline = Text | Strong | Emphasis;

export interface Text {
  type: "text";
  value: string;
}
export interface Strong {
  type: "strong";
  children: Inline[];
}
export interface Emphasis {
  type: "emphasis";
  children: Inline[];
}

export type Align = "start" | "center" | "end" | "justify";

/** A heading. `role` picks its paragraph style: title (document titles) or section (section headings). */
export interface Heading {
  type: "heading";
  role: "title" | "section";
  children: Inline[];
}

/** A body paragraph; `indent: "none"` drops the first-line indent. */
export interface Paragraph {
  type: "paragraph";
  indent?: "first-line" | "none";
  children: Inline[];
}

export interface ListItem {
  type: "listItem";
  children: Inline[];
}

export interface List {
  type: "list";
  marker: "bullet";
  items: ListItem[];
}

/** The signature block: lines set at the right, the last usually the name. */
export interface Signature {
  type: "signature";
  lines: Inline[][];
}

/** Starts the next block on a new page (the annex starts on its own page). */
export interface PageBreak {
  type: "pageBreak";
}

/** The short centred rule that closes a UN document. */
export interface EndRule {
  type: "endRule";
}

export type Block = Heading | Paragraph | List | Signature | PageBreak | EndRule;

/** The first-page masthead, top to bottom, left and right. */
export interface Masthead {
  type: "masthead";
  /** Emblem: "placeholder" draws the neutral placeholder mark. */
  emblem: "placeholder" | "none";
  /** Words beside the emblem, e.g. 联合国 */
  organisation: string;
  /** The document symbol, large at the right */
  symbol: string;
  /** The organ name under the heavy rule */
  organ: string;
  /** The small block at the right: distribution, date of issue, languages */
  distribution: string[];
}

/** The first-page footer: job number, its barcode, the recycling mark and a QR code. */
export interface FirstPageFooter {
  type: "firstPageFooter";
  /** e.g. "20-11937 (C)" */
  jobLabel: string;
  /** Code 39 content, digits of the job number, e.g. "2011937" */
  barcode: string;
  /** Address the QR code links to */
  qr: string;
  recyclingMark: boolean;
}

/** Running header and footer of the pages after the first. */
export interface RunningParts {
  type: "runningParts";
  /** Header text, the symbol (bold) */
  header: string;
  /** Footer text beside the page number, the job number */
  footer: string;
}

export interface DocumentMeta {
  symbol: string;
  lang: string;
  title: string;
  jobNumber: string;
}

export interface Document {
  type: "document";
  meta: DocumentMeta;
  masthead: Masthead;
  firstPageFooter: FirstPageFooter;
  running: RunningParts;
  body: Block[];
}

export type BlockType = Block["type"];

/** All text of a list of inlines, in order. */
export function plainText(inlines: Inline[]): string {
  let s = "";
  for (const n of inlines) s += n.type === "text" ? n.value : plainText(n.children);
  return s;
}
