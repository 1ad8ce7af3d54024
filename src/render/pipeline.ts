/**
 * The pipeline, one stage per folder:
 * data -> (input) validated data -> (templates) markup -> (markup) model -> (writers) PDF, DOCX.
 */
import { trace } from "../trace.js";
import { join, resolve } from "node:path";
import { checkCoverage, checkLocaleCoverage } from "./coverage.js";
import { faceSetFor } from "../fonts/face-set.js";
import { PACKAGE_ROOT } from "../fonts/registry.js";
import { locateField, validateData } from "../input/load.js";
import type { UnDocumentData } from "../input/schema.js";
import { parseMarkup } from "../markup/parse.js";
import { markupToModel } from "../markup/to-model.js";
import { applyTextRulesToDocument } from "../model/text-rules.js";
import type { Document } from "../model/types.js";
import type { FaceSet } from "../typeset/index.js";
import { parseStyleLayers, type Style } from "../style/style.js";
import { cachedStyle } from "../style/style-cache.js";
import { UndocError } from "../errors.js";
import { loadTemplateSet, locateInTemplates } from "../templates/engine.js";
import type { DocxFontMode } from "./docx-fonts.js";
import type { SystemFonts } from "../writers/docx/fonts.js";
import { templateLanguages } from "../templates/layers.js";
import { writeFormat } from "./write-format.js";

import { checkOptions, sourceDateEpoch, FORMATS, type Format } from "./options.js";

export { FORMATS, type Format };

/** The keys of RenderOptions, for the check of what a library caller passes. */
export const RENDER_OPTIONS = ["templates", "formats", "date", "docx", "pdf"] as const;

/** The bundled template folder. */
export const DEFAULT_TEMPLATES = join(PACKAGE_ROOT, "templates", "un-letter");

export interface RenderOptions {
  /** template folder (default: the bundled un-letter templates) */
  templates?: string;
  /** formats to produce (default: pdf and docx) */
  formats?: readonly Format[];
  /**
   * Date written into the files' metadata. Default: SOURCE_DATE_EPOCH when set, else the
   * document's date of issue, so the same input always gives the same bytes.
   */
  date?: Date;
  /**
   * DOCX fonts (README, "The Word file"): `fonts` is "editable" (default: the Latin faces whole,
   * the Chinese faces as subsets that never hide installed fonts), "full", "subset" or "none"
   * (nothing embedded: `systemFonts` are named, SimSun, SimHei and Times New Roman by default).
   * `embedFonts: false` is the older spelling of fonts "none".
   */
  docx?: { fonts?: DocxFontMode; systemFonts?: SystemFonts; embedFonts?: boolean };
  /**
   * PDF: tagged (a structure tree, PDF/UA-1 and PDF/A-2a) by default; `tagged: false` writes a
   * plain PDF 1.7 without structure, /ActualText or conformance claims (about 8% smaller).
   */
  pdf?: { tagged?: boolean };
}

export interface Rendered {
  model: Document;
  style: Style;
  pdf?: Uint8Array;
  docx?: Uint8Array;
}

const styles = new Map<string, Style>();

/**
 * The style of a template folder for a language: style.yaml with style.<lang>.yaml over it when
 * the folder has one (parsed once per folder, language and text).
 */
export function styleOf(templates: string, lang?: string): Style {
  const set = loadTemplateSet(templates);
  const sources = set.styleSources(lang);
  const key = sources.map((s) => `${s.file}\u0000${s.text}`).join("\u0001");
  let style = styles.get(key);
  if (!style) styles.set(key, (style = cachedStyle(sources, () => parseStyleLayers(sources))));
  return style;
}

/** Validated data -> document model, through the templates and the markup. */
export function buildModel(data: UnDocumentData, templates: string = DEFAULT_TEMPLATES): Document {
  if (typeof templates !== "string" || templates === "") throw new UndocError("USAGE", "the templates must be given as the path of a template folder");
  // data from the library API may not have been through parseData: hold it to the same rules
  return modelOf(validateData(data), resolve(templates));
}

/** buildModel of data validateData has passed, with a resolved template folder. */
function modelOf(data: UnDocumentData, templates: string): Document {
  const set = loadTemplateSet(templates);
  const { markup, origin } = set.render(data);
  try {
    // the language's characters (quotation marks, French spacing, digit groups), for both writers
    return applyTextRulesToDocument(markupToModel(parseMarkup(markup, origin), origin));
  } catch (e) {
    if (e instanceof UndocError && e.code === "MARKUP") throw locateInTemplates(e, markup, set.sources);
    throw e;
  }
}

/** The metadata date: SOURCE_DATE_EPOCH when set (a USAGE error when it is not a date), else the date of issue. */
export function metadataDate(data: UnDocumentData, env: NodeJS.ProcessEnv = process.env): Date {
  return sourceDateEpoch(env) ?? new Date(`${data.meta.issued}T00:00:00Z`);
}

/**
 * The languages a template folder has locale strings for (locales/<lang>.yaml): the document's
 * language must be one of them. Checked up front so the error points at the data's
 * `meta.language`, not only at the locale file that is missing.
 */
export function checkLanguage(data: UnDocumentData, templates: string = DEFAULT_TEMPLATES): void {
  const dir = join(resolve(templates), "locales");
  // over every layer of the folder (its own and its bases')
  const available = templateLanguages(templates);
  const lang = data.meta.language;
  if (available.includes(lang)) return;
  throw new UndocError(
    "TEMPLATE",
    `the templates have no locale strings for language "${lang}" (they have: ${available.join(", ") || "none"})`,
    locateField(data, "meta.language"),
    `write the document in one of them, or add ${join(dir, `${lang}.yaml`)} (copy en.yaml and translate it) and render with --templates`,
  );
}

/**
 * Every check a render makes before any writer runs (the language, the templates and markup, the
 * style, glyph coverage), with what they produce: `undoc validate` runs exactly this, so it never
 * accepts a document that render would refuse (short of writing).
 */
export function prepareDocument(data: UnDocumentData, templates: string = DEFAULT_TEMPLATES): { model: Document; style: Style; faces: FaceSet } {
  const dir = resolve(templates);
  data = validateData(data); // once: the checks below take it as it is
  checkLanguage(data, dir);
  trace("prepare: validated");
  const model = modelOf(data, dir);
  trace("prepare: model built");
  const style = styleOf(dir, data.meta.language);
  trace("prepare: style");
  const faces = faceSetFor(style);
  trace("prepare: faces");
  // every character drawn must have a glyph: a FONT error listing the others, before any writer runs
  const set = loadTemplateSet(dir);
  checkLocaleCoverage(set.locale(data.meta.language), faces);
  checkCoverage(model, style, faces, { data, templates: set.textSources(data.meta.language) });
  return { model, style, faces };
}

/** A document through every check, ready for the writers (prepareDocument's result). */
export type Prepared = ReturnType<typeof prepareDocument>;

/** Renders validated data to the requested formats. */
export async function renderData(data: UnDocumentData, options: RenderOptions = {}): Promise<Rendered> {
  options = checkOptions<RenderOptions>(options, RENDER_OPTIONS);
  const prepared = prepareDocument(data, options.templates ?? DEFAULT_TEMPLATES);
  return writeFormats(prepared, { ...options, date: options.date ?? metadataDate(data) });
}

/**
 * The writers over a prepared document. Callers that own the data (renderFile, render) let it
 * and its source text go before this runs: they are a third of the heap of a long PDF.
 */
export async function writeFormats({ model, style, faces }: Prepared, options: RenderOptions & { date: Date }): Promise<Rendered> {
  const formats = options.formats ?? FORMATS;
  const out: Rendered = { model, style };
  for (const format of FORMATS) if (formats.includes(format)) out[format] = await writeFormat(format, { model, style, faces }, options.date, options);
  return out;
}
