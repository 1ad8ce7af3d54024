/**
 * The document model: the one contract between templates (through the markup) and the writers.
 * Plain JSON-serialisable nodes, each with a `type`, in the manner of unist/mdast.
 *
 * Every consumer of the model (the text-role walk, the coverage check, the PDF and DOCX writers)
 * handles the node types through a `Record<Block["type"], ...>` or an exhaustive switch, so a new
 * node type that one of them forgets is a compile error.
 */

// ---------------------------------------------------------------- inlines

export type Inline = Text | Strong | Emphasis | Footnote;

export interface Text {
  type: "text";
  value: string;
}
export interface Strong {
  type: "strong";
  children: Inline[];
}
/** Emphasis: italic in Latin text, the Kai face in Chinese text (never a slanted ideograph). */
export interface Emphasis {
  type: "emphasis";
  children: Inline[];
}
/**
 * A footnote: its reference mark (the label, set superscript) stands where the node is; its text
 * goes to the foot of the page (PDF) or to word/footnotes.xml (DOCX). Labels run through the
 * document (1, 2, 3 ...). A note's paragraphs hold no further footnotes.
 */
export interface Footnote {
  type: "footnote";
  label: string;
  paragraphs: Inline[][];
}

// ---------------------------------------------------------------- numbering

/**
 * Number formats, named as WordprocessingML's ST_NumberFormat so the DOCX numbers them natively
 * (arabicAbjad: أ ب ج د …). Two are UN Arabic conventions Word has no format for, so the DOCX
 * prints them as text: arabicOrdinal (أولا ثانيا ثالثا …, chapters where English has I. II.) and
 * arabicLetterName (ألف باء جيم …, the names of the letters, where English has A. B. C.).
 */
export type NumberFormat = "decimal" | "upperRoman" | "lowerRoman" | "upperLetter" | "lowerLetter" | "chineseCounting" | "arabicAbjad" | "arabicOrdinal" | "arabicLetterName" | "bullet";

/** One level of a numbering scheme: the format of %1 and the label text around it, e.g. "%1." or "(%1)". */
export interface NumberingLevel {
  format: NumberFormat;
  /** label text; %1 stands for the number (for bullets, the text is the bullet itself) */
  text: string;
}

/**
 * The document's numbering schemes, from the template's locale strings (their formats differ by
 * language: 一. / I. for chapters, (a) / a) for subparagraphs):
 * - heading: section headings, one level per depth;
 * - paragraph: numbered body paragraphs (one level, running through the sections);
 * - list: ordered list items by nesting depth ((a), then (i)).
 */
export interface Numbering {
  heading: NumberingLevel[];
  paragraph: NumberingLevel[];
  list: NumberingLevel[];
}
export type NumberingScheme = keyof Numbering;

/**
 * A printed label: a heading number, a paragraph number, a list marker. `counter` says which
 * scheme, level and value produced it: the DOCX writer turns it into Word numbering, so Word
 * renumbers when a user inserts a paragraph. A label given as text by the data has no counter.
 */
export interface Label {
  text: string;
  counter?: { scheme: NumberingScheme; level: number; value: number };
}

// ---------------------------------------------------------------- blocks

export type Align = "start" | "center" | "end" | "justify";

/**
 * A heading. `role` picks its paragraph style: title (document titles) or section (section
 * headings, whose `level` 1-4 is their depth: chapter, first-degree subheading, ...).
 */
export interface Heading {
  type: "heading";
  role: "title" | "section";
  level: number;
  label?: Label;
  children: Inline[];
}

/** A body paragraph; `indent: "none"` drops the first-line indent; a numbered one has a label. */
export interface Paragraph {
  type: "paragraph";
  indent?: "first-line" | "none";
  label?: Label;
  children: Inline[];
}

export interface ListItem {
  type: "listItem";
  label: Label;
  children: Inline[];
  /** a nested list (lists nest two levels deep) */
  sublist?: List;
}

/** A list: bullets, or items labelled (a), (b) / (i), (ii) / 1., 2. by the list numbering. */
export interface List {
  type: "list";
  /** "bullet", or the number format of the items' labels */
  marker: NumberFormat;
  /** nesting depth, from 1 */
  level: number;
  items: ListItem[];
}

/** A table column: a share of the table's width (0-1), or undefined for a width from the content. */
export interface TableColumn {
  width?: number;
  align: Align;
}

export type CellBlock = Paragraph | List;

export interface TableCell {
  type: "tableCell";
  blocks: CellBlock[];
  /** columns the cell spans (default 1) */
  span?: number;
}

export interface TableRow {
  type: "tableRow";
  cells: TableCell[];
}

/** A table set with horizontal rules only (UN style); header rows repeat on every page it spans. */
export interface Table {
  type: "table";
  caption?: Inline[];
  columns: TableColumn[];
  header: TableRow[];
  rows: TableRow[];
}

/** A block quotation: indented on both sides. */
export interface Quote {
  type: "quote";
  blocks: CellBlock[];
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

export type Block = Heading | Paragraph | List | Table | Quote | Signature | PageBreak | EndRule;

// ---------------------------------------------------------------- page furniture

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
  numbering: Numbering;
  masthead: Masthead;
  firstPageFooter: FirstPageFooter;
  running: RunningParts;
  body: Block[];
}

export type BlockType = Block["type"];

/** All text of a list of inlines, in order (footnote texts left out: they are not part of the line). */
export function plainText(inlines: Inline[]): string {
  let s = "";
  for (const n of inlines) {
    if (n.type === "text") s += n.value;
    else if (n.type !== "footnote") s += plainText(n.children);
  }
  return s;
}
