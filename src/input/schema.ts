/**
 * The data format of a UN document made of a letter and an annex.
 * One source for both the TypeScript types (Static<>) and the JSON Schema that editors use
 * (`undoc schema`), so the two cannot drift apart.
 */
import { Hint, Kind, Type, type Static, type TRecursive, type TSchema, type TThis } from "@sinclair/typebox";

/**
 * Type.Recursive without its deep clone of the callback's schema: the same schema (keys, order,
 * values), but sharing the parts it is built from. The clone of Section (every block, every copy
 * of Inline) was more than half of building this module's schemas, ~4 ms at each cold start.
 * Nothing modifies a schema once built, so sharing is safe.
 */
function recursive<T extends TSchema>(callback: (This: TThis) => T, $id: string): TRecursive<T> {
  const self = callback({ [Kind]: "This", $ref: $id } as TThis) as T & { $id?: string };
  self.$id = $id; // as Type.Recursive: its own fresh schema (Type.Union / Type.Object) gets the $id
  return { $id, [Hint]: "Recursive", ...self } as unknown as TRecursive<T>;
}

const text = (description: string, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, description, ...extra });

/** ISO calendar date, as authors type it in YAML (2020-09-14). */
const isoDate = (description: string) =>
  Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: `${description} (YYYY-MM-DD)` });

/** The six UN official languages, by ISO 639-1 code. */
export const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
const language = (description: string) =>
  Type.Union(
    LANGUAGES.map((l) => Type.Literal(l)),
    { description: `${description}: one of ${LANGUAGES.join(", ")}` },
  );

export const Meta = Type.Object(
  {
    symbol: text("Document symbol, e.g. S/2020/905", { pattern: "^[A-Z][A-Za-z0-9.()/-]*$", maxLength: 80 }),
    organ: text("Issuing organ as printed in the masthead, e.g. 安全理事会"),
    distribution: Type.Union([Type.Literal("general"), Type.Literal("limited"), Type.Literal("restricted")], {
      description: "Distribution: general, limited or restricted",
    }),
    issued: isoDate("Date of issue"),
    language: language("Language of this version"),
    original: language("Original language"),
    jobNumber: text("Job number, e.g. 20-11937", { pattern: "^\\d{2}-\\d{5}$" }),
  },
  { additionalProperties: false, description: "Document metadata shown in the masthead and footers" },
);

export const Signature = Type.Object(
  {
    titles: Type.Array(text("A title line of the signatory, e.g. 常驻代表"), {
      description: "Title lines above the name",
    }),
    name: text("Name of the signatory"),
    signed: Type.Optional(Type.Boolean({ description: "Print the (Signed) mark after the name; default true" })),
  },
  { additionalProperties: false },
);

/**
 * Inline content: a string is printed as it is; a list mixes strings with bold, emphasis and
 * footnotes: ["The Council ", { b: "demands" }, " a ceasefire.", { note: "See S/2020/1." }].
 */
export const Inline = recursive(
  (This) => {
    const styled = [
      Type.Object({ b: This }, { additionalProperties: false, description: "Bold text" }),
      Type.Object({ i: This }, { additionalProperties: false, description: "Emphasis: italic in Latin text, Kai in Chinese text" }),
      Type.Object({ note: This }, { additionalProperties: false, description: "A footnote: its number here, its text at the foot of the page" }),
    ];
    return Type.Union(
      [
        text("Text, printed as it is"),
        ...styled,
        Type.Array(Type.Union([Type.String({ description: "Text" }), ...styled]), {
          minItems: 1,
          description: "Pieces of text, bold, emphasis and footnotes in reading order",
        }),
      ],
      { description: "Text, { b }, { i } or { note }, or a list of such pieces" },
    );
  },
  "Inline",
);

const paragraphNumber = Type.Union([Type.Boolean(), Type.Integer({ minimum: 1, maximum: 999999 })], {
  description: "true or false to number this paragraph or not whatever the section does; a number to set it (the next ones go on from there)",
});

export const RichParagraph = Type.Object(
  { p: Inline, number: Type.Optional(paragraphNumber) },
  { additionalProperties: false, description: "A paragraph with bold, emphasis or footnotes, or with its own numbering" },
);

/** A list item: text, or text with a nested list (two levels). */
const ListItem = Type.Union([
  Inline,
  Type.Object(
    {
      text: Inline,
      items: Type.Array(Inline, { minItems: 1, description: "The nested list's items" }),
      marker: Type.Optional(Type.Union(["bullet", "letter", "roman", "number"].map((m) => Type.Literal(m)), { description: "Marker of the nested list" })),
    },
    { additionalProperties: false, description: "An item with a nested list" },
  ),
]);

export const BulletList = Type.Object(
  { bullets: Type.Array(ListItem, { minItems: 1, description: "The items" }) },
  { additionalProperties: false, description: "A bulleted list" },
);

export const OrderedList = Type.Object(
  {
    list: Type.Array(ListItem, { minItems: 1, description: "The items" }),
    marker: Type.Optional(
      Type.Union(["bullet", "letter", "roman", "number"].map((m) => Type.Literal(m)), {
        description: "bullet, letter ((a), (b)), roman ((i), (ii)) or number (1., 2.); by default (a) for a list and (i) for a nested one",
      }),
    ),
  },
  { additionalProperties: false, description: "A list of subparagraphs: (a), (b) ... with nested (i), (ii) ..." },
);

/** What a table cell, a quotation or a note's paragraphs hold. */
export const SimpleBlock = Type.Union([text("A paragraph"), RichParagraph, BulletList, OrderedList]);

const Cell = Type.Union([
  Inline,
  Type.Object(
    {
      text: Type.Optional(Inline),
      content: Type.Optional(Type.Array(SimpleBlock, { minItems: 1, description: "Paragraphs and lists in the cell" })),
      span: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: "Columns the cell spans" })),
    },
    { additionalProperties: false, description: "A cell: text (or content: paragraphs and lists) and the columns it spans" },
  ),
]);

const Row = Type.Array(Cell, { minItems: 1, description: "The cells of a row" });

export const Table = Type.Object(
  {
    table: Type.Object(
      {
        caption: Type.Optional(Inline),
        columns: Type.Optional(
          Type.Array(
            Type.Object(
              {
                width: Type.Optional(Type.String({ pattern: "^(auto|\\d{1,3}(\\.\\d+)?%)$", description: "A share of the table's width such as 30%, or auto" })),
                align: Type.Optional(Type.Union(["start", "center", "end"].map((a) => Type.Literal(a)), { description: "start, center or end" })),
              },
              { additionalProperties: false },
            ),
            { minItems: 1, description: "Width and alignment of each column; by default widths from the content" },
          ),
        ),
        header: Type.Optional(Type.Array(Row, { minItems: 1, description: "Header rows, repeated on every page the table spans" })),
        rows: Type.Array(Row, { minItems: 1, description: "The rows" }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: "A table: UN style, horizontal rules only" },
);

export const Quote = Type.Object(
  { quote: Type.Array(SimpleBlock, { minItems: 1, description: "The quoted paragraphs and lists" }) },
  { additionalProperties: false, description: "A block quotation, indented on both sides" },
);

export const Block = Type.Union([text("A paragraph"), RichParagraph, BulletList, OrderedList, Table, Quote]);

export const Letter = Type.Object(
  {
    date: isoDate("Date of the letter"),
    from: text("Sender, as it appears in the title, e.g. 爱沙尼亚常驻联合国代表"),
    to: text("Addressee, as it appears in the title, e.g. 安全理事会主席"),
    title: Type.Optional(text("Title of the letter; by default built from date, sender and addressee")),
    paragraphs: Type.Array(Block, { minItems: 1, description: "The letter's paragraphs (strings), lists, tables and quotations" }),
    signature: Signature,
  },
  { additionalProperties: false },
);

export const SectionContent = Block;

const sectionNumber = Type.Union([Type.Boolean(), Type.Integer({ minimum: 1, maximum: 999 }), Type.String({ minLength: 1, maxLength: 20 })], {
  description: "false: no number; a whole number: sets the number; text: printed as the number (e.g. \"IV.\"); by default numbered when the annex numbers headings",
});

export const Section = recursive(
  (This) =>
    Type.Object(
      {
        heading: Type.Optional(Inline),
        number: Type.Optional(sectionNumber),
        content: Type.Optional(Type.Array(Block, { minItems: 1, description: "Paragraphs (strings), lists, tables and quotations in reading order" })),
        sections: Type.Optional(Type.Array(This, { minItems: 1, description: "Subsections (up to four levels of headings)" })),
      },
      { additionalProperties: false, description: "A section: a heading, content, subsections" },
    ),
  "Section",
);

export const Numbering = Type.Object(
  {
    headings: Type.Optional(Type.Boolean({ description: "Number section headings by level (一./I., A., 1., (a)); default false" })),
    paragraphs: Type.Optional(Type.Boolean({ description: "Number the paragraphs 1, 2, 3 ... through the sections; default false" })),
  },
  { additionalProperties: false, description: "How the annex numbers its headings and paragraphs" },
);

export const Annex = Type.Object(
  {
    heading: Type.Optional(text("Annex heading; by default the letter's title followed by the locale's annex words")),
    title: Inline,
    numbering: Type.Optional(Numbering),
    sections: Type.Array(Section, { minItems: 1 }),
  },
  { additionalProperties: false },
);

/** Every recursive schema (recursive(), Type.Recursive) inside UnDocument, so references to them can be followed (templates/view.ts; tests/input check the list is whole). */
export const RECURSIVE = [Inline, Section];

export const UnDocument = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: "Path or URL of this JSON Schema (for editors)" })),
    meta: Meta,
    letter: Letter,
    annex: Type.Optional(Annex),
  },
  {
    additionalProperties: false,
    title: "undoc document",
    description: "A UN document: a letter with an optional annex",
  },
);

export type Meta = Static<typeof Meta>;
export type Letter = Static<typeof Letter>;
export type Annex = Static<typeof Annex>;
export type Section = Static<typeof Section>;
export type BulletList = Static<typeof BulletList>;
export type InlineData = Static<typeof Inline>;
export type BlockData = Static<typeof Block>;
export type UnDocumentData = Static<typeof UnDocument>;

/** Parts of the schema used in several places: written once under $defs and referred to. */
const SHARED = { Inline, Block, SimpleBlock, Section } as const;

/**
 * The JSON Schema (draft 2020-12) of the data format. The recursive parts (inline content,
 * sections) and the blocks that several fields share are written once under $defs.
 */
export function jsonSchema(): Record<string, unknown> {
  const defs: Record<string, unknown> = {};
  const byJson = new Map<string, string>();
  for (const [name, schema] of Object.entries(SHARED)) byJson.set(JSON.stringify(schema), name);
  // replaces every copy of a shared part by a reference; a recursive part's own $ref "Inline" becomes "#/$defs/Inline"
  const refer = (v: unknown, top?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => refer(x));
    if (!v || typeof v !== "object") return v;
    const name = byJson.get(JSON.stringify(v));
    if (name && name !== top) return { $ref: `#/$defs/${name}` };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === "$id") continue;
      out[k] = k === "$ref" && typeof x === "string" && !x.startsWith("#") ? `#/$defs/${x}` : refer(x);
    }
    return out;
  };
  for (const [name, schema] of Object.entries(SHARED)) defs[name] = refer(JSON.parse(JSON.stringify(schema)), name);
  const root = refer(JSON.parse(JSON.stringify(UnDocument))) as Record<string, unknown>;
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "urn:undoc:schema:document", ...root, $defs: defs };
}
