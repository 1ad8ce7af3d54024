/**
 * The template stage: a template folder (document.hbs, partials/, locales/, style.yaml, each from
 * the topmost of its layers that has it: layers.ts) plus validated data -> document markup text.
 * Each folder is read and compiled once per process (until `invalidateTemplates` is called, e.g.
 * by --watch or the preview).
 */
import { join, resolve } from "node:path";
import Handlebars from "handlebars";
import { UndocError } from "../errors.js";
import type { UnDocumentData } from "../input/schema.js";
import { compileOnce } from "./compile-cache.js";
import { helpers, type RenderData } from "./helpers.js";
import { templateView } from "./view.js";
import { mergeLocales, parseLocale, type LocaleStrings, type MergedLocale } from "./locale.js";
import { allFiles, namesIn, pickFile, present, templateLayers, type Layer } from "./layers.js";
import { readInside } from "./read.js";

export { readInside };

export interface TemplateSource {
  file: string;
  text: string;
}

type StyleFile = { text: string; file: string };

export interface TemplateSet {
  dir: string;
  /** the folder's layers, itself first, the bundled templates (when its chain reaches them) last */
  layers: Layer[];
  /** the languages with locale strings in some layer */
  languages(): string[];
  /** the template files, to locate errors found in the markup they produced */
  sources: TemplateSource[];
  render(data: UnDocumentData): { markup: string; origin: string };
  /** the topmost style.yaml: its text and path */
  styleSource: StyleFile;
  /**
   * The style files of a language, in the order they deep-merge: for each layer from the base up,
   * style.yaml, then the style.<lang>.yaml of the language it extends, then the language's own.
   */
  styleSources(lang?: string): StyleFile[];
  /**
   * The language's locale strings merged over the layers, the topmost file and every layer's file
   * with its text, topmost first (a TEMPLATE error when no layer has the language)
   */
  locale(lang: string): LocaleView;
  /** the language's locale files (once loaded) and the template files: where text that is not data comes from */
  textSources(lang: string): TemplateSource[];
}

/** A language's locale strings as the templates see them, and the files they came from. */
export interface LocaleView {
  strings: LocaleStrings;
  /** the topmost layer's file */
  file: string;
  /** every layer's file of the language with its text, topmost first */
  sources: TemplateSource[];
}

const cache = new Map<string, TemplateSet>();

/** A language code as style file names use it: style.en.yaml, style.zh-Hant.yaml. */
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

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
  let compiled: Handlebars.TemplateDelegate;
  try {
    // one parse and one compilation, kept on disk between runs (compile-cache.ts)
    const once = compileOnce(hb, src, label, COMPILE_OPTIONS, (ast) => {
      const found: PartialUse[] = [];
      partialUses(ast, label, found);
      return found;
    });
    uses.push(...once.read);
    compiled = once.template;
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /unknown helper (\S+)/.exec(msg);
    if (unknown) {
      const at = src.indexOf(unknown[1]);
      const line = at >= 0 ? src.slice(0, at).split("\n").length : undefined;
      throw new UndocError("TEMPLATE", `unknown helper "${unknown[1]}"`, { file: label, line }, `available helpers: ${Object.keys(helpers).join(", ")}`);
    }
    // "each doesn't match if - 2:3": a block closed by the wrong name; report the closing tag's line
    const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)$/.exec(msg);
    if (mismatch) {
      const [, opened, closed, line] = mismatch;
      const closing = new RegExp(`\\{\\{~?\\s*/\\s*${closed.replace(/\W/g, "\\$&")}\\b`);
      const lines = src.split("\n");
      const at = lines.findIndex((l, i) => i >= Number(line) - 1 && closing.test(l));
      throw new UndocError("TEMPLATE", `template syntax error: {{/${closed}}} closes the {{#${opened}}} opened on line ${line}`, {
        file: label,
        line: at >= 0 ? at + 1 : Number(line),
        ...(at >= 0 ? { column: lines[at].search(closing) + 1 } : {}),
      }, `close {{#${opened}}} with {{/${opened}}}`);
    }
    const m = /line (\d+)/.exec(msg);
    const detail = msg.split("\n").filter((l) => l.trim() && !/^-*\^$/.test(l.trim()));
    throw new UndocError("TEMPLATE", `template syntax error: ${detail[detail.length - 1] ?? msg}`, {
      file: label,
      line: m ? Number(m[1]) : undefined,
      column: (e as { column?: number }).column !== undefined ? Number((e as { column?: number }).column) + 1 : undefined,
    });
  }
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
  const layers = templateLayers(dir);
  const folders = layers.map((l) => l.dir).join(", ");
  const main = pickFile(layers, "document.hbs");
  if (!main) {
    throw new UndocError("TEMPLATE", "no document.hbs in the template folder or its bases", { file: dir }, "say base: default in template.yaml, or run `undoc init DIR` for a starting point");
  }
  const hb = Handlebars.create();
  hb.unregisterHelper("log");
  hb.unregisterHelper("lookup");
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  const uses: PartialUse[] = [];
  const sources: TemplateSource[] = [];
  // each partial from the topmost layer that has it
  const partials = new Map<string, { root: string; file: string }>();
  for (const layer of [...layers].reverse()) {
    for (const name of namesIn(layer, "partials", ".hbs")) partials.set(name, { root: layer.root, file: join(layer.dir, "partials", `${name}.hbs`) });
  }
  for (const name of [...partials.keys()].sort()) {
    const { root, file } = partials.get(name)!;
    hb.registerPartial(name, compileFile(hb, root, file, file, uses, sources, name) as unknown as Handlebars.Template);
  }
  const template = compileFile(hb, main.layer.root, main.file, main.file, uses, sources);
  const missing = uses.find((u) => !partials.has(u.name));
  if (missing) {
    throw new UndocError("TEMPLATE", `unknown partial "${missing.name}"`, { file: missing.file, line: missing.line, column: missing.column },
      `partials are the .hbs files in partials/ of ${folders}`);
  }
  const locales = new Map<string, { locale: MergedLocale; file: string; sources: TemplateSource[] }>();
  const localeFor = (lang: string) => {
    let l = locales.get(lang);
    if (!l) {
      const rel = join("locales", `${lang}.yaml`);
      const files = allFiles(layers, rel);
      if (!files.length) {
        const file = join(layers[0].dir, rel);
        throw new UndocError("TEMPLATE", `no locale strings for language "${lang}"`, { file }, `create ${file} (copy locales/en.yaml and translate it)`);
      }
      const read = files.map(({ layer, file }) => ({ file, text: readInside(layer.root, file) }));
      const locale = mergeLocales(read.map(({ file, text }) => ({ strings: parseLocale(text, file), file })));
      l = { locale, file: files[files.length - 1].file, sources: read.reverse() };
      locales.set(lang, l);
    }
    return l;
  };
  const styleFiles = allFiles(layers, "style.yaml");
  if (!styleFiles.length) throw new UndocError("STYLE", "no style.yaml in the template folder or its bases", { file: dir });
  const read = new Map<string, StyleFile>();
  const styleFile = ({ layer, file }: { layer: Layer; file: string }): StyleFile => {
    let f = read.get(file);
    if (!f) read.set(file, (f = { text: readInside(layer.root, file, "STYLE"), file }));
    return f;
  };
  const bases = styleFiles.map(styleFile);
  const styleSource = bases[bases.length - 1];
  // the languages whose style.<lang>.yaml apply, the one extended first: fr -> [en, fr]. A file's
  // "extends: en" holds unless a layer above says otherwise (it deep-merges like any key).
  const languageChain = (lang: string): string[] => {
    const chain: string[] = [];
    let next: string | undefined = lang;
    while (next && LANG.test(next) && !chain.includes(next) && chain.length < 4) {
      const files: StyleFile[] = allFiles(layers, `style.${next}.yaml`).map(styleFile);
      if (!files.length) break;
      chain.unshift(next);
      next = files.map((f) => /^extends:\s*([a-z-]+)\s*$/m.exec(f.text)?.[1]).filter(Boolean).pop();
    }
    return chain;
  };
  // per layer, the base's first: style.yaml, then the language's files (style.en.yaml, style.fr.yaml)
  const styleSources = (lang?: string) => {
    const chain = lang ? languageChain(lang) : [];
    return [...layers].reverse().flatMap((layer) =>
      ["style.yaml", ...chain.map((l) => `style.${l}.yaml`)].flatMap((rel) => (present(join(layer.dir, rel)) ? [styleFile({ layer, file: join(layer.dir, rel) })] : [])),
    );
  };

  return {
    dir,
    layers,
    sources,
    styleSource,
    styleSources,
    languages: () => [...new Set(layers.flatMap((l) => namesIn(l, "locales", ".yaml")))].sort(),
    locale(lang) {
      const { locale, file, sources } = localeFor(lang);
      return { strings: locale.strings, file, sources };
    },
    textSources(lang) {
      const l = locales.get(lang);
      return l ? [...l.sources, ...sources] : sources;
    },
    render(data) {
      const { locale, file } = localeFor(data.meta.language);
      const undoc: RenderData = { locale: locale.strings, localeFile: file, originOf: locale.originOf, lang: data.meta.language };
      try {
        return { markup: template(templateView(data), { data: { undoc }, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }), origin: main.file };
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
