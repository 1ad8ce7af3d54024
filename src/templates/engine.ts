/**
 * The template stage: a template folder (document.hbs, partials/, locales/, style.yaml) plus
 * validated data -> document markup text. Each folder is read and compiled once per process
 * (until `invalidateTemplates` is called, e.g. by --watch).
 */
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import Handlebars from "handlebars";
import { UndocError } from "../errors.js";
import type { UnDocumentData } from "../input/schema.js";
import { helpers, type RenderData } from "./helpers.js";
import { templateView } from "./view.js";
import { parseLocale, type LocaleStrings } from "./locale.js";
import { decodeInput } from "../input/text.js";
import { readRegularFile } from "../input/read-file.js";

export interface TemplateSource {
  file: string;
  text: string;
}

export interface TemplateSet {
  dir: string;
  /** the template files, to locate errors found in the markup they produced */
  sources: TemplateSource[];
  render(data: UnDocumentData): { markup: string; origin: string };
  /** raw style.yaml text and its path */
  styleSource: { text: string; file: string };
  /** the style files of a language: style.yaml, then style.<lang>.yaml when the folder has one */
  styleSources(lang: string): { text: string; file: string }[];
  /** the language's locale strings, its file and text (a TEMPLATE error when the folder has none) */
  locale(lang: string): { strings: LocaleStrings; file: string; text: string };
  /** the language's locale file (once loaded) and the template files: where text that is not data comes from */
  textSources(lang: string): TemplateSource[];
}

const cache = new Map<string, TemplateSet>();

/** A language code as style file names use it: style.en.yaml, style.zh-Hant.yaml. */
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A template, locale or style file larger than this is refused (the bundled ones are a few KB). */
const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads a file of the template folder as UTF-8 text, refusing one that resolves outside it (a
 * symbolic link to /etc/passwd named partials/x.hbs must not be read into a document), one that
 * is not a regular file (a folder, a device, a FIFO, a dangling link) and one that is not UTF-8.
 * Every refusal is a located error of `code` (TEMPLATE, or STYLE for style.yaml).
 */
export function readInside(root: string, file: string, code: "TEMPLATE" | "STYLE" = "TEMPLATE"): string {
  const fail = (msg: string, hint?: string, at: { line?: number; column?: number } = {}): never => {
    throw new UndocError(code, msg, { file, ...at }, hint);
  };
  let real = "";
  try {
    real = realpathSync(file);
  } catch (e) {
    fail(`cannot read the file: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "it is a link to nothing" : (e as Error).message}`, "replace the link by the file itself");
  }
  if (!real.startsWith(root + sep)) fail("a template file points outside the template folder", "copy the file into the folder instead of linking to it");
  const bytes = readRegularFile(real, { code, maxBytes: MAX_TEMPLATE_FILE_BYTES, what: "the file", label: file, tooBigHint: "template, locale and style files are a few KB" });
  try {
    return decodeInput(bytes, file);
  } catch (e) {
    if (e instanceof UndocError) throw new UndocError(code, e.detail, e.location, "save the file as UTF-8 text");
    throw e;
  }
}

export function invalidateTemplates(): void {
  cache.clear();
}

export function loadTemplateSet(dir: string): TemplateSet {
  const abs = resolve(dir);
  const hit = cache.get(abs);
  if (hit) return hit;
  const set = compileTemplateSet(abs);
  cache.set(abs, set);
  return set;
}

type Template = (ctx: unknown, opts?: Handlebars.RuntimeOptions) => string;

interface LocatedError extends Error {
  undocTemplate?: string;
  lineNumber?: number;
  column?: number;
}

interface PartialUse {
  name: string;
  file: string;
  line: number;
  column: number;
}

/** Partial names a template uses, found in its syntax tree (so a missing one is reported before rendering). */
function partialUses(node: unknown, file: string, out: PartialUse[]): void {
  if (!node || typeof node !== "object") return;
  const n = node as { type?: string; name?: { original?: unknown; type?: string }; loc?: { start: { line: number; column: number } } };
  if ((n.type === "PartialStatement" || n.type === "PartialBlockStatement") && n.name?.type === "PathExpression" && n.loc) {
    out.push({ name: String(n.name.original), file, line: n.loc.start.line, column: n.loc.start.column + 1 });
  }
  for (const v of Object.values(node)) {
    if (Array.isArray(v)) v.forEach((c) => partialUses(c, file, out));
    else if (v && typeof v === "object" && (v as { type?: string }).type) partialUses(v, file, out);
  }
}

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: false,
  preventIndent: true,
  // only our helpers: an unknown one is an error at compile time, not a silent data lookup
  // log writes to stdout (it would break --json) and lookup reads any property: neither is offered
  knownHelpers: { ...Object.fromEntries(Object.keys(helpers).map((h) => [h, true])), log: false, lookup: false },
  knownHelpersOnly: true,
} as const;

/** Compiles one file, reporting syntax errors with the file, line and column. */
/** A partial that includes itself deeper than this is a template that recurses without end. */
const MAX_PARTIAL_DEPTH = 200;

function compileFile(hb: typeof Handlebars, root: string, file: string, label: string, uses: PartialUse[], sources: TemplateSource[], partial?: string): Template {
  const src = readInside(root, file);
  sources.push({ file: label, text: src });
  try {
    partialUses(hb.parse(src), label, uses);
    hb.precompile(src, COMPILE_OPTIONS);
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /unknown helper (\S+)/.exec(msg);
    if (unknown) {
      const at = src.indexOf(unknown[1]);
      const line = at >= 0 ? src.slice(0, at).split("\n").length : undefined;
      throw new UndocError("TEMPLATE", `unknown helper "${unknown[1]}"`, { file: label, line }, `available helpers: ${Object.keys(helpers).join(", ")}`);
    }
    const m = /line (\d+)/.exec(msg);
    const detail = msg.split("\n").filter((l) => l.trim() && !/^-*\^$/.test(l.trim()));
    throw new UndocError("TEMPLATE", `template syntax error: ${detail[detail.length - 1] ?? msg}`, {
      file: label,
      line: m ? Number(m[1]) : undefined,
      column: (e as { column?: number }).column !== undefined ? Number((e as { column?: number }).column) + 1 : undefined,
    });
  }
  const compiled = hb.compile(src, COMPILE_OPTIONS);
  let depth = 0;
  // Tag the innermost template an error comes from, so messages can name the file.
  return (ctx, opts) => {
    if (depth >= MAX_PARTIAL_DEPTH) {
      const self = uses.find((u) => u.file === label && u.name === partial);
      throw new UndocError("TEMPLATE", `partial "${partial}" includes itself more than ${MAX_PARTIAL_DEPTH} levels deep`,
        { file: label, line: self?.line, column: self?.column }, "a partial may include itself only for nested data, inside an {{#if}} or {{#each}} that ends");
    }
    depth++;
    try {
      return compiled(ctx, opts);
    } catch (e) {
      const err = e as LocatedError;
      if (err instanceof RangeError && !err.undocTemplate) {
        // the stack ran out inside Handlebars: say where, instead of an internal error
        throw Object.assign(new UndocError("TEMPLATE", "the templates nest too deep (the stack ran out)", { file: label }), { undocTemplate: label });
      }
      if (err && typeof err === "object" && !err.undocTemplate) err.undocTemplate = label;
      throw err;
    } finally {
      depth--;
    }
  };
}

function compileTemplateSet(dir: string): TemplateSet {
  const main = join(dir, "document.hbs");
  if (!existsSync(main)) {
    throw new UndocError("TEMPLATE", "no document.hbs in the template folder", { file: dir }, "run `undoc init DIR` for a starting point");
  }
  const root = realpathSync(dir);
  const hb = Handlebars.create();
  hb.unregisterHelper("log");
  hb.unregisterHelper("lookup");
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const partialsDir = join(dir, "partials");
  const uses: PartialUse[] = [];
  const sources: TemplateSource[] = [];
  const names = new Set<string>();
  if (existsSync(partialsDir)) {
    for (const f of readdirSync(partialsDir).sort()) {
      if (!f.endsWith(".hbs")) continue;
      const name = basename(f, ".hbs");
      names.add(name);
      hb.registerPartial(name, compileFile(hb, root, join(partialsDir, f), join(dir, "partials", f), uses, sources, name) as unknown as Handlebars.Template);
    }
  }
  const template = compileFile(hb, root, main, main, uses, sources);
  const missing = uses.find((u) => !names.has(u.name));
  if (missing) {
    throw new UndocError("TEMPLATE", `unknown partial "${missing.name}"`, { file: missing.file, line: missing.line, column: missing.column },
      `partials are the .hbs files in ${partialsDir}`);
  }
  const locales = new Map<string, { strings: LocaleStrings; file: string; text: string }>();
  const localeFor = (lang: string) => {
    let l = locales.get(lang);
    if (!l) {
      const file = join(dir, "locales", `${lang}.yaml`);
      if (!existsSync(file)) {
        throw new UndocError("TEMPLATE", `no locale strings for language "${lang}"`, { file }, `create ${file} (copy locales/en.yaml and translate it)`);
      }
      const text = readInside(root, file);
      l = { strings: parseLocale(text, file), file, text };
      locales.set(lang, l);
    }
    return l;
  };
  const styleFile = join(dir, "style.yaml");
  if (!existsSync(styleFile)) throw new UndocError("STYLE", "no style.yaml in the template folder", { file: dir });
  const styleSource = { text: readInside(root, styleFile, "STYLE"), file: styleFile };

  const overrides = new Map<string, { text: string; file: string } | null>();
  const override = (lang: string) => {
    if (!overrides.has(lang)) {
      const file = join(dir, `style.${lang}.yaml`);
      overrides.set(lang, existsSync(file) ? { text: readInside(root, file, "STYLE"), file } : null);
    }
    return overrides.get(lang) ?? null;
  };
  // style.yaml, then the language's override, after the one it extends ("extends: en" shares a layout)
  const styleSources = (lang: string) => {
    const chain: { text: string; file: string }[] = [];
    let next: string | undefined = lang;
    while (next && LANG.test(next) && chain.length < 4) {
      const o = override(next);
      if (!o || chain.includes(o)) break;
      chain.unshift(o);
      next = /^extends:\s*([a-z-]+)\s*$/m.exec(o.text)?.[1];
    }
    return [styleSource, ...chain];
  };

  return {
    dir,
    sources,
    styleSource,
    styleSources,
    locale: (lang) => localeFor(lang),
    textSources(lang) {
      const l = locales.get(lang);
      return l ? [{ file: l.file, text: l.text }, ...sources] : sources;
    },
    render(data) {
      const locale = localeFor(data.meta.language);
      const undoc: RenderData = { locale: locale.strings, localeFile: locale.file, lang: data.meta.language };
      try {
        return { markup: template(templateView(data), { data: { undoc }, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }), origin: main };
      } catch (e) {
        throw templateError(e as LocatedError);
      }
    },
  };
}

function templateError(err: LocatedError): UndocError {
  if (err instanceof UndocError) {
    const from = (err as LocatedError).undocTemplate;
    if (err.location.file || !from) return err;
    return new UndocError(err.code, err.detail, { ...err.location, file: from }, err.hint);
  }
  const file = err.undocTemplate;
  const msg = String(err.message ?? err);
  let m: RegExpExecArray | null;
  if ((m = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(msg))) {
    return new UndocError("TEMPLATE", `the template uses "${m[1]}", which the data does not have`, { file, line: Number(m[2]), column: Number(m[3]) + 1 },
      "check the field name against `undoc schema`");
  }
  if ((m = /^Missing helper: "(.+)"$/.exec(msg))) {
    return new UndocError("TEMPLATE", `unknown helper "${m[1]}"`, { file }, `available helpers: ${Object.keys(helpers).join(", ")}`);
  }
  if ((m = /^The partial (.+) could not be found$/.exec(msg))) {
    return new UndocError("TEMPLATE", `unknown partial "${m[1]}"`, { file }, "partials are the .hbs files in the template folder's partials/");
  }
  return new UndocError("TEMPLATE", `template error: ${msg}`, { file });
}

/**
 * A markup error points into the generated markup, which the author never sees. Find the tag it
 * points at in the template files and report that place instead (when it is found in exactly one).
 */
export function locateInTemplates(err: UndocError, markup: string, sources: TemplateSource[]): UndocError {
  const { line, column } = err.location;
  if (!line || !column) return err;
  // not located in a template: the markup's line would be misread as a line of the template file
  const unlocated = () => new UndocError(err.code, `${err.detail} (line ${line} of the markup the templates wrote)`, { file: err.location.file }, err.hint);
  const at = (markup.split("\n")[line - 1] ?? "").slice(column - 1);
  const tag = /^<\/?[\w-]+[^>]*>?/.exec(at)?.[0];
  if (!tag) return unlocated();
  const name = /^<\/?[\w-]+/.exec(tag)![0];
  // the longest first: the markup from the error on (a template's own text around the tag) tells apart what the tag alone cannot
  for (const needle of [...new Set([at.slice(0, 60), at.slice(0, tag.length + 20), tag, name])]) {
    // the template lines that hold the tag: one line (however often it is there) locates it
    const places = new Map<string, { file: string; line: number; column: number }>();
    for (const s of sources) {
      let lineNo = 1;
      let lineStart = 0;
      let scanned = 0;
      for (let i = s.text.indexOf(needle); i >= 0 && places.size < 2; i = s.text.indexOf(needle, i + 1)) {
        for (let nl = s.text.indexOf("\n", scanned); nl >= 0 && nl < i; nl = s.text.indexOf("\n", nl + 1)) {
          lineNo++;
          lineStart = nl + 1;
        }
        scanned = i;
        const key = `${s.file}\u0000${lineNo}`;
        if (!places.has(key)) places.set(key, { file: s.file, line: lineNo, column: i - lineStart + 1 });
      }
    }
    if (places.size === 1) return new UndocError(err.code, err.detail, [...places.values()][0], err.hint);
    if (places.size > 1) break;
  }
  return unlocated();
}
