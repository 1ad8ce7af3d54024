/**
 * The data format of a UN document made of a letter and an annex.
 * One source for both the TypeScript types (Static<>) and the JSON Schema that editors use
 * (`undoc schema`), so the two cannot drift apart.
 */
import { Type, type Static } from "@sinclair/typebox";

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
    symbol: text("Document symbol, e.g. S/2020/905", { pattern: "^[A-Z][A-Za-z0-9.()/-]*$" }),
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

export const Letter = Type.Object(
  {
    date: isoDate("Date of the letter"),
    from: text("Sender, as it appears in the title, e.g. 爱沙尼亚常驻联合国代表"),
    to: text("Addressee, as it appears in the title, e.g. 安全理事会主席"),
    title: Type.Optional(text("Title of the letter; by default built from date, sender and addressee")),
    paragraphs: Type.Array(text("A paragraph of the letter"), { minItems: 1 }),
    signature: Signature,
  },
  { additionalProperties: false },
);

export const BulletList = Type.Object(
  { bullets: Type.Array(text("A bullet item"), { minItems: 1 }) },
  { additionalProperties: false, description: "A bulleted list" },
);

export const SectionContent = Type.Union([text("A paragraph"), BulletList]);

export const Section = Type.Object(
  {
    heading: Type.Optional(text("Section heading, e.g. 导言")),
    content: Type.Array(SectionContent, {
      minItems: 1,
      description: "Paragraphs (strings) and bullet lists ({ bullets: [...] }) in reading order",
    }),
  },
  { additionalProperties: false },
);

export const Annex = Type.Object(
  {
    heading: Type.Optional(text("Annex heading; by default the letter's title followed by the locale's annex words")),
    title: text("Title of the annexed document"),
    sections: Type.Array(Section, { minItems: 1 }),
  },
  { additionalProperties: false },
);

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
export type UnDocumentData = Static<typeof UnDocument>;

/** The JSON Schema (draft 2020-12 compatible) of the data format. */
export function jsonSchema(): Record<string, unknown> {
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: "urn:undoc:schema:document", ...JSON.parse(JSON.stringify(UnDocument)) };
}
