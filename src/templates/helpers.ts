/**
 * Helpers available to templates. Each is listed in the README; all are pure functions of their
 * arguments and the document's locale strings (nothing here can reach files or the network).
 */
import Handlebars from "handlebars";
import type { HelperOptions } from "handlebars";
import { UndocError } from "../errors.js";
import { lookupString, type LocaleStrings } from "./locale.js";

export interface RenderData {
  locale: LocaleStrings;
  /** the locale file a missing string should be added to */
  localeFile: string;
  /** the file that set a string (layers merge key by key), to locate an error in that string */
  originOf?: (key: string) => string | undefined;
  lang: string;
}

function runtime(options: HelperOptions): RenderData {
  return (options.data as { undoc: RenderData }).undoc;
}

function isoParts(iso: unknown, helper: string): [number, number, number] {
  const m = typeof iso === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) throw new UndocError("TEMPLATE", `helper "${helper}" expects a date as YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new UndocError("TEMPLATE", `helper "${helper}": ${iso} is not a calendar date`);
  }
  return [y, mo, d];
}

/**
 * A date as the UN writes it in each language: zh 2020年9月14日 (the typesetter adds the
 * narrow CJK/digit gaps), en 14 September 2020, fr 14 septembre 2020 (1er septembre),
 * es 14 de septiembre de 2020, ru 14 сентября 2020 года, ar 14 أيلول/سبتمبر 2020 (UN Arabic
 * names each month twice, the Levantine and the Egyptian name, and writes European digits).
 */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = isoParts(iso, "date");
  // written out directly: creating an Intl formatter (loading ICU data) costs ~40 ms per process,
  // and Intl's Russian ("2020 г.") and French ("1 septembre") are not what UN documents print
  switch (lang) {
    case "zh":
      return `${y}年${m}月${d}日`;
    case "en":
      return `${d} ${ENGLISH_MONTHS[m - 1]} ${y}`;
    case "fr":
      return `${d === 1 ? "1er" : d} ${FRENCH_MONTHS[m - 1]} ${y}`;
    case "es":
      return `${d} de ${SPANISH_MONTHS[m - 1]} de ${y}`;
    case "ru":
      return `${d} ${RUSSIAN_MONTHS_GENITIVE[m - 1]} ${y} года`;
    case "ar":
      return `${d} ${ARABIC_MONTHS[m - 1]} ${y}`;
  }
  return formatter(lang).format(new Date(Date.UTC(y, m - 1, d)));
}

const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
// as UN Arabic documents print them (e.g. 16 حزيران/يونيه 2011 in A/65/L.78): يونيه and يوليه, not يونيو and يوليو
const ARABIC_MONTHS = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"];
const RUSSIAN_MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

// Intl formatters are slow to create (tens of ms): keep one per locale
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f) formatters.set(locale, (f = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })));
  return f;
}

/** The digits a UN job number is barcoded with: 20-11937 -> 2011937. */
export function barcodeDigits(jobNumber: string): string {
  const digits = String(jobNumber).replace(/\D/g, "");
  if (!digits) throw new UndocError("TEMPLATE", `helper "barcodeDigits": job number ${JSON.stringify(jobNumber)} has no digits`);
  return digits;
}

const LIST_MARKERS: Record<string, string> = { bullet: "bullet", letter: "lowerLetter", roman: "lowerRoman", number: "decimal" };

export const helpers = {
  /** {{t "key.path" name=value}}: a locale string with {name} placeholders filled */
  t(this: unknown, key: unknown, options: HelperOptions): string {
    const rt = runtime(options);
    return lookupString(rt.locale, String(key), options.hash as Record<string, unknown>, rt.originOf?.(String(key)) ?? rt.localeFile);
  },
  /** {{date "2020-09-14"}} or {{date value lang="en"}}: a date in the document's (or given) language */
  date(this: unknown, iso: unknown, options: HelperOptions): string {
    const lang = (options.hash as { lang?: string }).lang ?? runtime(options).lang;
    isoParts(iso, "date");
    return formatDate(iso as string, lang);
  },
  /** {{jobLabel meta.jobNumber}}: job number with the language letter, e.g. 20-11937 (C) */
  jobLabel(this: unknown, job: unknown, options: HelperOptions): string {
    const rt = runtime(options);
    return `${String(job)} (${lookupString(rt.locale, "footer.languageLetter", {}, rt.localeFile)})`;
  },
  /** {{barcodeDigits meta.jobNumber}}: the digits printed as the Code 39 barcode */
  barcodeDigits(this: unknown, job: unknown): string {
    return barcodeDigits(String(job));
  },
  /** {{symbolPath meta.symbol}}: the symbol as used in document addresses (spaces removed) */
  symbolPath(this: unknown, symbol: unknown): string {
    return String(symbol).replace(/\s+/g, "");
  },
  /** {{concat a b ...}}: strings joined */
  concat(this: unknown, ...args: unknown[]): string {
    return args.slice(0, -1).map(String).join("");
  },
  /** {{#if (eq a b)}} */
  eq(this: unknown, a: unknown, b: unknown): boolean {
    return a === b;
  },
  /** {{or a b}}: the first truthy value */
  or(this: unknown, ...args: unknown[]): unknown {
    return args.slice(0, -1).find(Boolean) ?? args[args.length - 2];
  },
  /** {{#if (isText item)}}: true for a string (a paragraph), false for a list */
  isText(this: unknown, v: unknown): boolean {
    return typeof v === "string";
  },
  /** {{#if (isList item)}}: true for a list (inline pieces, a table row) */
  isList(this: unknown, v: unknown): boolean {
    return Array.isArray(v);
  },
  /** {{inc depth}}: the number plus one (the depth of a subsection) */
  inc(this: unknown, n: unknown): number {
    return Number(n) + 1;
  },
  /** {{listMarker marker}}: the data's list marker as a markup marker (bullet, letter, roman, number; default auto) */
  listMarker(this: unknown, m: unknown): string {
    return LIST_MARKERS[String(m)] ?? "auto";
  },
  /**
   * {{numberAttrs number auto}}: the numbering attributes of a <heading> or <p>: the data's
   * `number` (true, false, a whole number, or a label text) or, when it has none, number="auto"
   * if `auto` is true. Written as markup, with the label escaped.
   */
  numberAttrs(this: unknown, n: unknown, auto: unknown): Handlebars.SafeString {
    let attrs = "";
    if (n === true || ((n === null || n === undefined) && auto === true)) attrs = ' number="auto"';
    else if (typeof n === "number") attrs = ` number="${n}"`;
    else if (typeof n === "string") attrs = ` label="${Handlebars.escapeExpression(n)}"`;
    return new Handlebars.SafeString(attrs);
  },
} satisfies Record<string, (...args: never[]) => unknown>;

export type HelperName = keyof typeof helpers;
