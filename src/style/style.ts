/**
 * The style: page geometry, faces by role, and paragraph styles. Both writers read the same
 * style, so the PDF and the DOCX agree. It lives in the template folder (style.yaml).
 */
import { Type, type Static } from "@sinclair/typebox";
import { LineCounter, parseDocument } from "yaml";
import { UndocError } from "../errors.js";
import { fieldPath, validate } from "../input/validate.js";
import { yamlProblem } from "../input/yaml.js";
import { styleProblems } from "./check.js";
import { mergeStyle } from "./merge.js";

const pt = (description: string) => Type.Number({ minimum: 0, maximum: 2000, description: `${description} (points)` });
const em = (description: string) => Type.Number({ minimum: -20, maximum: 100, description: `${description} (em of the text size)` });

const Align = Type.Union([Type.Literal("start"), Type.Literal("center"), Type.Literal("end"), Type.Literal("justify")]);
const Weight = Type.Union([Type.Literal("regular"), Type.Literal("bold")]);

export const ParagraphStyle = Type.Object(
  {
    weight: Type.Optional(Weight),
    italic: Type.Optional(Type.Boolean({ description: "Set in the italic variant (Latin italic, Chinese Kai)" })),
    size: Type.Optional(pt("Text size")),
    lineHeight: Type.Optional(pt("Distance between baselines")),
    align: Type.Optional(Align),
    leftIndentEm: Type.Optional(em("Left indent of all lines")),
    rightIndentEm: Type.Optional(em("Right indent of all lines")),
    firstLineIndentEm: Type.Optional(em("Extra indent of the first line (negative: hanging); unlabelled paragraphs")),
    labelIndentEm: Type.Optional(em("Where a label (number, bullet) starts, from the text block's left edge")),
    textIndentEm: Type.Optional(em("Where the first line's text starts after a label (a tab stop; a wider label pushes it on)")),
    spaceBefore: Type.Optional(pt("Space above")),
    spaceAfter: Type.Optional(pt("Space below")),
    keepWithNext: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const FaceRoles = Type.Object(
  {
    cjk: Type.String({ description: "face id from fonts/manifest.json for Chinese characters and full-width punctuation" }),
    latin: Type.String({ description: "face id for Latin letters, digits and ASCII punctuation" }),
  },
  { additionalProperties: false },
);

export const StyleSchema = Type.Object(
  {
    page: Type.Object(
      {
        size: Type.Union([Type.Literal("letter"), Type.Literal("a4")]),
        margin: Type.Object({ top: pt("Top margin"), bottom: pt("Bottom margin"), left: pt("Left margin"), right: pt("Right margin") }, { additionalProperties: false }),
        headerDistance: pt("Top edge to the running header"),
        footerDistance: pt("Bottom edge to the running footer"),
      },
      { additionalProperties: false },
    ),
    fonts: Type.Object(
      {
        regular: FaceRoles,
        bold: FaceRoles,
        italic: Type.Optional(FaceRoles),
        boldItalic: Type.Optional(FaceRoles),
      },
      { additionalProperties: false, description: "Faces by variant; italic is emphasis (Latin italic, Chinese Kai); italic variants default to the upright faces" },
    ),
    text: Type.Object(
      {
        size: pt("Body text size"),
        lineHeight: pt("Body distance between baselines"),
        cjkLatinGapEm: Type.Number({ minimum: 0, maximum: 0.5, description: "Gap between Chinese and Latin/digits (em)" }),
        hangingPunctuation: Type.Boolean({ description: "Let line-end ，。、；：！？ hang into the margin" }),
        compressAdjacentPunctuation: Type.Optional(Type.Boolean({ description: "Set adjacent full-width marks to 1.5 em together (default true)" })),
        compressLineStart: Type.Optional(Type.Boolean({ description: "Set an opening mark at line start half width (default false, as Word)" })),
        compressLineEnd: Type.Optional(Type.Boolean({ description: "Set a closing mark at line end half width when that makes it fit (default false, as Word)" })),
        hyphenation: Type.Optional(
          Type.Object(
            {
              auto: Type.Boolean({ description: "Hyphenate justified Latin and Cyrillic text with the language's patterns (Word's w:autoHyphenation)" }),
              zone: Type.Optional(pt("Hyphenation zone: first fit hyphenates only lines that would end this short (Word's w:hyphenationZone)")),
              maxConsecutive: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: "At most this many lines in a row end with a hyphen (Word's w:consecutiveHyphenLimit)" })),
              minLeft: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: "Letters kept before a hyphenation point (default by language)" })),
              minRight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: "Letters kept after a hyphenation point (default by language)" })),
              minWord: Type.Optional(Type.Integer({ minimum: 2, maximum: 20, description: "Shortest word hyphenated (default 5)" })),
            },
            { additionalProperties: false },
          ),
        ),
        wordSpacing: Type.Optional(
          Type.Object(
            {
              minEm: Type.Number({ minimum: 0, maximum: 1, description: "Narrowest word space in justified Latin and Cyrillic text (em)" }),
              maxEm: Type.Number({ minimum: 0, maximum: 2, description: "Widest word space optimum fit accepts before it must give up elsewhere (em)" }),
            },
            { additionalProperties: false },
          ),
        ),
        lineBreaking: Type.Optional(Type.Union([Type.Literal("optimum"), Type.Literal("first-fit")], { description: "Justified Latin and Cyrillic paragraphs: optimum fit (Knuth-Plass) or first fit (as Word)" })),
        direction: Type.Optional(
          Type.Union([Type.Literal("ltr"), Type.Literal("rtl")], {
            description: "Writing direction of the document (default ltr). rtl: paragraphs right to left (the bidi algorithm's paragraph level), start = right; the page is mirrored: indents, labels, tables and page furniture from the right",
          }),
        ),
      },
      { additionalProperties: false },
    ),
    paragraphs: Type.Object(
      {
        body: ParagraphStyle,
        numbered: ParagraphStyle,
        title: ParagraphStyle,
        heading1: ParagraphStyle,
        heading2: ParagraphStyle,
        heading3: ParagraphStyle,
        heading4: ParagraphStyle,
        list1: ParagraphStyle,
        list2: ParagraphStyle,
        quote: ParagraphStyle,
        caption: ParagraphStyle,
        tableHeader: ParagraphStyle,
        tableCell: ParagraphStyle,
        footnote: ParagraphStyle,
        signature: ParagraphStyle,
      },
      { additionalProperties: false },
    ),
    table: Type.Object(
      {
        rule: pt("Thickness of the rules above and below the header and at the table's foot"),
        paddingX: pt("Space between a cell's text and the column's edges"),
        paddingY: pt("Space above and below a cell's text"),
        spaceBefore: pt("Space above the table"),
        spaceAfter: pt("Space below the table"),
        leftIndent: Type.Optional(pt("Distance from the text block's left edge (default 0)")),
        rightIndent: Type.Optional(pt("Distance from the text block's right edge (default 0)")),
      },
      { additionalProperties: false },
    ),
    footnotes: Type.Object(
      {
        separatorWidth: pt("Length of the short rule above the notes"),
        separatorThickness: pt("Thickness of that rule"),
        spaceAbove: pt("Least space between the body text and the rule"),
        separatorBelow: pt("Space between the rule and the first note"),
        spaceBetween: pt("Space between two notes"),
      },
      { additionalProperties: false },
    ),
    masthead: Type.Object(
      {
        organisationSize: pt("Size of the words beside the emblem"),
        symbolSize: pt("Size of the document symbol"),
        organSize: pt("Size of the organ name"),
        distributionSize: pt("Size of the distribution block"),
        emblemSize: pt("Emblem size"),
        emblemGap: pt("Space between the emblem and the organisation's name"),
        distributionWidth: pt("Width of the distribution block at the right"),
        spaceBelow: pt("Space between the masthead's thin rule and the body"),
        heavyRule: pt("Thickness of the rule under the symbol"),
        thinRule: pt("Thickness of the rule under the masthead"),
      },
      { additionalProperties: false },
    ),
    running: Type.Object({ size: pt("Running header/footer size"), rule: pt("Rule under the running header") }, { additionalProperties: false }),
    firstPageFooter: Type.Object(
      { size: pt("Text size"), top: pt("Distance from the bottom margin's top to the footer"), barcodeHeight: pt("Barcode height"), barcodeNarrow: pt("Narrow bar width"), qrSize: pt("QR code size"), recyclingSize: pt("Recycling mark size") },
      { additionalProperties: false },
    ),
    endRule: Type.Object({ width: pt("Length"), thickness: pt("Thickness"), spaceBefore: pt("Space above") }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

/**
 * Small fixed paddings of the masthead and first-page footer (points), shared by both writers so
 * the PDF and the DOCX put things in the same place.
 */
export const MASTHEAD_PADDING = {
  topRowBelow: 4, // between the symbol row and the heavy rule
  organRowAbove: 6, // between the heavy rule and the organ name
  distributionBelow: 6, // under the distribution block
  thinRuleAbove: 2, // above the thin rule
  barcodeAbove: 3, // between the job label and the barcode
  recyclingLeft: 12, // between the barcode and the recycling mark
  recyclingTop: 8,
} as const;

/** Line pitch of short one-line texts (masthead, footers), per point of text size. */
export const SHORT_TEXT_PITCH = 1.25;

export type ParagraphStyle = Static<typeof ParagraphStyle>;
export type Style = Static<typeof StyleSchema>;
export type ParagraphRole = keyof Style["paragraphs"];

export const PAGE_SIZES = { letter: { width: 612, height: 792 }, a4: { width: 595.28, height: 841.89 } } as const;

export function pageSize(style: Style): { width: number; height: number } {
  return PAGE_SIZES[style.page.size];
}

/** Is the document set right to left (style text.direction: rtl)? Then the page is mirrored. */
export function isRtl(style: Style): boolean {
  return style.text.direction === "rtl";
}

/** Width of the text block in points. */
export function textWidth(style: Style): number {
  return pageSize(style).width - style.page.margin.left - style.page.margin.right;
}

export type ResolvedParagraph = Required<ParagraphStyle>;

/** A paragraph style with the body text defaults filled in. */
export function resolvedParagraph(style: Style, role: ParagraphRole): ResolvedParagraph {
  const p = style.paragraphs[role];
  const first = p.firstLineIndentEm ?? 0;
  return {
    weight: p.weight ?? "regular",
    italic: p.italic ?? false,
    size: p.size ?? style.text.size,
    lineHeight: p.lineHeight ?? style.text.lineHeight,
    align: p.align ?? "justify",
    leftIndentEm: p.leftIndentEm ?? 0,
    rightIndentEm: p.rightIndentEm ?? 0,
    firstLineIndentEm: first,
    labelIndentEm: p.labelIndentEm ?? 0,
    textIndentEm: p.textIndentEm ?? (p.leftIndentEm ?? 0) + first,
    spaceBefore: p.spaceBefore ?? 0,
    spaceAfter: p.spaceAfter ?? 0,
    keepWithNext: p.keepWithNext ?? false,
  };
}

/** A style file: style.yaml, or a per-language override style.<lang>.yaml. */
export interface StyleSource {
  text: string;
  file: string;
}

/** A parsed layer: its values and where each key stands in its file. */
interface ParsedLayer {
  value: unknown;
  file: string;
  locate(path: (string | number)[]): { line?: number; column?: number } | undefined;
}

function parseLayer(src: StyleSource): ParsedLayer {
  const lines = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const problem = doc.errors.length ? { offset: doc.errors[0].pos[0], message: doc.errors[0].message.split("\n")[0], hint: undefined } : yamlProblem(doc, 4096);
  if (problem) {
    const pos = lines.linePos(problem.offset);
    throw new UndocError("STYLE", `YAML syntax error: ${problem.message}`, { file: src.file, line: pos.line, column: pos.col }, problem.hint);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 20 }) ?? {};
  } catch (e) {
    throw new UndocError("STYLE", `YAML error: ${(e as Error).message}`, { file: src.file });
  }
  return {
    value,
    file: src.file,
    locate(path) {
      const node = doc.getIn(path, true) as { range?: [number, number] } | undefined;
      if (!node?.range) return undefined;
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    },
  };
}

function withoutExtends(v: unknown): unknown {
  if (!v || typeof v !== "object" || Array.isArray(v) || !("extends" in v)) return v;
  const { extends: _named, ...rest } = v as Record<string, unknown>;
  return rest;
}

/**
 * Style layers -> the style: style.yaml first, then overrides (style.<lang>.yaml) deep-merged
 * over it. The merged style is validated; a problem is reported in the layer that set the value
 * (the last one that has the key), at its line.
 */
export function parseStyleLayers(sources: StyleSource[]): Style {
  const layers = sources.map(parseLayer);
  // "extends: en" names the layer below (the template engine orders the files); it is not a style key
  const value = layers.reduce<unknown>((acc, l) => mergeStyle(acc, withoutExtends(l.value)), {});
  const fail = (path: (string | number)[], message: string, hint?: string): never => {
    // the layer that set the value: walk back up the path to the deepest key some layer has
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth);
      for (let i = layers.length - 1; i >= 0; i--) {
        const at = layers[i].locate(sub);
        if (at) throw new UndocError("STYLE", message, { file: layers[i].file, ...at, path: fieldPath(path) }, hint);
      }
    }
    throw new UndocError("STYLE", message, { file: layers[layers.length - 1].file, path: fieldPath(path) }, hint);
  };
  const problems = validate(StyleSchema, value);
  if (problems.length) fail(problems[0].path, problems[0].message);
  // geometry that must fit the page: at the key that causes it
  const bad = styleProblems(value as Style)[0];
  if (bad) fail(bad.path, bad.message, "change the value in the style file");
  return value as Style;
}

export function parseStyle(text: string, file: string): Style {
  return parseStyleLayers([{ text, file }]);
}
