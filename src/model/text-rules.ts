/**
 * Per-language text rules: the characters UN documents print in each language, derived from the
 * characters authors type. Pure functions of (text, language), applied to every text node of
 * the document model before the writers run, so the PDF and the DOCX carry the same characters.
 * Chinese (and every language not listed) is returned unchanged. Sources: docs/house-style.md.
 *
 * - quotation marks: straight quotes become the language's marks, nested levels alternating:
 *   en, es “ ” then ‘ ’ (UN Editorial Manual: directional quotes, single inside double);
 *   fr « » then “ ” (with a narrow no-break space inside « »); ru « » then „ “;
 *   quotes typed as English curly quotes are converted the same way in fr and ru;
 *   ar ” “ then ’ ‘: UN Arabic opens with U+201D and closes with U+201C (”تنعقد الجمعية العامة …“
 *   in A/RES/57/301's Arabic text), the marks whose shapes point the right way in right-to-left
 *   text; only straight quotes are converted there (curly ones are kept as typed);
 * - digits are never converted: UN Arabic documents print European digits (2020, 60/251) and
 *   an author who types Arabic-Indic digits gets them as typed;
 * - apostrophes: ' becomes ’ (and an opening single quote ‘ in en and es);
 * - French: a narrow no-break space (U+202F) before ; : ! ? and inside « », replacing an
 *   ordinary space or inserted where none was typed, and before % after a number;
 * - numbers: the spaces between digit groups (10 000) become no-break: U+202F in French,
 *   U+00A0 in Spanish, Russian and Arabic. English groups digits with commas and is left alone.
 *   In Arabic it also keeps the number whole: an ordinary space is a neutral that takes the
 *   right-to-left direction between two numbers (UAX #9 N1), so "1 234" would read "234 1";
 *   U+00A0 is a common separator (CS) and joins the groups into one number (W4).
 */

import type { Block, CellBlock, Document, Inline, List } from "./types.js";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

interface QuoteStyle {
  /** open and close marks for nesting depth 0, 1 (then alternating) */
  double: [[string, string], [string, string]];
  /** what a straight single quote opening a word becomes (undefined: always an apostrophe) */
  singleOpen?: string;
}

const QUOTES: Record<string, QuoteStyle> = {
  en: { double: [["“", "”"], ["‘", "’"]], singleOpen: "‘" },
  es: { double: [["“", "”"], ["‘", "’"]], singleOpen: "‘" },
  fr: { double: [["«", "»"], ["“", "”"]] },
  ru: { double: [["«", "»"], ["„", "“"]] },
  ar: { double: [["”", "“"], ["’", "‘"]] },
};

function primary(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const p = lang.split("-")[0].toLowerCase();
  return p in QUOTES ? p : undefined;
}

/** The text as UN documents print it in `lang`; unchanged for Chinese and unlisted languages. */
export function applyTextRules(text: string, lang: string | undefined): string {
  const p = primary(lang);
  if (!p) return text;
  let out = smartQuotes(text, p);
  if (p === "fr") out = frenchSpacing(out);
  out = groupDigits(out, p);
  return out;
}

/** A quote opens (rather than closes) after these or at the start of the text. */
const OPENS_AFTER = /[\s([{«“‘„\u2014\u2013/\u00A0\u202F]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Straight and English curly quotes -> the language's marks by nesting depth; straight
 * apostrophes -> ’. Marks already in the language's form are kept and counted for the depth.
 */
export function smartQuotes(text: string, lang: string): string {
  const style = QUOTES[primary(lang) ?? ""];
  if (!style) return text;
  const p = primary(lang)!;
  const convertCurly = p === "fr" || p === "ru"; // “ ” typed as English quotes
  // opening marks on the stack: the character that opened each level, to pair „ “ in Russian
  const stack: string[] = [];
  let out = "";
  const chars = [...text];
  const mark = (depth: number, side: 0 | 1) => style.double[depth % 2][side];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const before = i > 0 ? chars[i - 1] : "";
    const after = i + 1 < chars.length ? chars[i + 1] : "";
    const atOpening = before === "" || OPENS_AFTER.test(before);
    if (ch === '"') {
      if (atOpening && (stack.length === 0 || (after !== "" && !/\s/u.test(after)))) {
        out += mark(stack.length, 0);
        stack.push('"');
      } else if (stack.length) {
        stack.pop();
        out += mark(stack.length, 1);
      } else {
        out += mark(0, 1); // a stray closing quote
      }
    } else if (ch === "«" || (ch === "„" && p === "ru")) {
      stack.push(ch);
      out += ch;
    } else if (ch === "»") {
      stack.pop();
      out += ch;
    } else if (ch === "“") {
      if (p === "ru" && stack[stack.length - 1] === "„") {
        stack.pop(); // „…“ is Russian's nested pair
        out += ch;
      } else {
        out += convertCurly ? mark(stack.length, 0) : ch;
        stack.push("“");
      }
    } else if (ch === "”") {
      if (stack.length) stack.pop();
      out += convertCurly ? mark(stack.length, 1) : ch;
    } else if (ch === "'") {
      const opens = style.singleOpen && atOpening && WORD_CHAR.test(after) && !/\p{N}/u.test(after);
      out += opens ? style.singleOpen : "’";
    } else out += ch;
  }
  return out;
}

/**
 * French spacing: a narrow no-break space before ; : ! ? (when they close a word: not in
 * 10:30 or https://), inside « », and between a number and %.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/«[ \u00A0\u202F]*/gu, `«${NNBSP}`)
    .replace(/[ \u00A0\u202F]*»/gu, `${NNBSP}»`)
    .replace(/([^\s;:!?«(\u202F\u00A0])[ \u00A0\u202F]*([;:!?]+)(?=$|[\s»)\]"”’.,])/gu, `$1${NNBSP}$2`)
    .replace(/(\d)[ \u00A0\u202F]?%/gu, `$1${NNBSP}%`);
}

/**
 * Digit groups: in "1 500 000" the spaces (ordinary or no-break) become the language's no-break
 * space. The first group has one to three digits, so "en 2020 300 personnes" is not joined.
 */
export function groupDigits(text: string, lang: string): string {
  const p = primary(lang);
  if (p !== "fr" && p !== "es" && p !== "ru" && p !== "ar") return text;
  const space = p === "fr" ? NNBSP : NBSP;
  return text.replace(/(?<!\d)\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?!\d)/gu, (m) => m.replace(/[ \u00A0\u202F]/gu, space));
}

/**
 * The text rules applied to every text of a document in its language: the body's text nodes
 * (footnotes, table cells and list items included), the title and the masthead's organ. Each
 * text node is converted on its own (a quotation mark's direction is read from its neighbours
 * in the same node). Labels (numbers, bullets) are left as the numbering made them.
 */
export function applyTextRulesToDocument(doc: Document): Document {
  const lang = doc.meta.lang;
  if (!primary(lang)) return doc; // a language without rules (Chinese): nothing to walk
  const inlines = (xs: Inline[]): void => {
    for (const n of xs) {
      if (n.type === "text") n.value = applyTextRules(n.value, lang);
      else if (n.type === "footnote") n.paragraphs.forEach(inlines);
      else inlines(n.children);
    }
  };
  const cells = (bs: CellBlock[]): void => bs.forEach((b) => (b.type === "list" ? list(b) : inlines(b.children)));
  const list = (l: List): void =>
    l.items.forEach((it) => {
      inlines(it.children);
      if (it.sublist) list(it.sublist);
    });
  const blocks: { [T in Block["type"]]: (b: Extract<Block, { type: T }>) => void } = {
    heading: (b) => inlines(b.children),
    paragraph: (b) => inlines(b.children),
    list,
    table: (b) => {
      if (b.caption) inlines(b.caption);
      for (const r of [...b.header, ...b.rows]) for (const c of r.cells) cells(c.blocks);
    },
    quote: (b) => cells(b.blocks),
    signature: (b) => b.lines.forEach(inlines),
    pageBreak: () => {},
    endRule: () => {},
  };
  for (const b of doc.body) (blocks[b.type] as (x: Block) => void)(b);
  doc.meta.title = applyTextRules(doc.meta.title, lang);
  doc.masthead.organ = applyTextRules(doc.masthead.organ, lang);
  return doc;
}
