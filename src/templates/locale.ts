/** Locale strings: the fixed wording of each language, kept in templates/<kind>/locales/<lang>.yaml. */
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { UndocError } from "../errors.js";
import { badCharacter } from "../input/text.js";
import { yamlProblem } from "../input/yaml.js";

export type LocaleStrings = { [key: string]: string | LocaleStrings };

/** The string at a dotted key, with {name} placeholders replaced from `params`. */
export function lookupString(locale: LocaleStrings, key: string, params: Record<string, unknown>, file: string): string {
  let v: string | LocaleStrings | undefined = locale;
  for (const part of key.split(".")) {
    v = typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, part) ? v[part] : undefined;
  }
  if (typeof v !== "string") {
    throw new UndocError("TEMPLATE", `locale string "${key}" is missing`, { file }, `add "${key}" to ${file}`);
  }
  return v.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) {
      throw new UndocError("TEMPLATE", `locale string "${key}" uses {${name}} but the template passes no ${name}=`, { file });
    }
    return String(params[name]);
  });
}

/**
 * A locale file's text -> its strings, held to the rules of data: YAML syntax errors, duplicate
 * keys, aliases (not needed in a locale file, and a way to blow up memory), values that are not
 * text, and characters no document may hold are TEMPLATE errors at the file's line and column.
 */
export function parseLocale(text: string, file: string): LocaleStrings {
  const lines = new LineCounter();
  const at = (offset: number | undefined) => (offset === undefined ? {} : { line: lines.linePos(offset).line, column: lines.linePos(offset).col });
  const fail = (msg: string, offset: number | undefined, hint = "locale files map keys to text, e.g. signed: \"(签名)\""): never => {
    throw new UndocError("TEMPLATE", msg, { file, ...at(offset) }, hint);
  };
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) fail(`YAML syntax error: ${doc.errors[0].message.split("\n")[0]}`, doc.errors[0].pos[0]);
  const structural = yamlProblem(doc, Infinity);
  if (structural) fail(`YAML syntax error: ${structural.message}`, structural.offset, structural.hint);
  if (doc.contents === null) return {};
  const walk = (node: YamlNode | null, path: string): LocaleStrings => {
    if (!isMap(node)) fail(`expected a mapping of keys to text${path ? ` at ${path}` : ""}`, node?.range?.[0]);
    const out: LocaleStrings = {};
    for (const pair of (node as { items: { key: unknown; value: unknown }[] }).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) fail("a key must be plain text", (pair.key as YamlNode | null)?.range?.[0]);
      const where = path ? `${path}.${key}` : key!;
      const value = pair.value as YamlNode | null;
      if (isAlias(value)) fail(`"${where}" is an alias (*name): write the text itself`, value.range?.[0]);
      if (isMap(value)) {
        out[key!] = walk(value, where);
        continue;
      }
      if (!isScalar(value) || typeof value.value !== "string") {
        fail(`"${where}" must be text (in quotes if it looks like a number or true/false)`, value?.range?.[0] ?? (pair.key as YamlNode).range?.[0]);
      }
      const str = (value as { value: string }).value;
      const bad = badCharacter(str);
      if (bad) fail(`${bad.what} is not allowed in "${where}"`, (value as YamlNode).range?.[0], "delete it: locale strings hold printable text only");
      out[key!] = str;
    }
    return out;
  };
  return walk(doc.contents as YamlNode, "");
}

/** Locale strings merged over the layers of a template folder, with the file each string came from. */
export interface MergedLocale {
  strings: LocaleStrings;
  /** the file that set the string at a dotted key (undefined when none did) */
  originOf(key: string): string | undefined;
}

/**
 * Deep-merges the locale files of one language, the base's first: a layer that sets one string
 * overrides that string only. A layer cannot turn a group of strings into one string or the other
 * way round (a template would then find the wrong kind of value): that is an error in its file.
 */
export function mergeLocales(layers: readonly { strings: LocaleStrings; file: string }[]): MergedLocale {
  const origin = new Map<string, string>();
  const merge = (into: LocaleStrings, from: LocaleStrings, file: string, below: string | undefined, path: string) => {
    for (const [key, value] of Object.entries(from)) {
      const where = path ? `${path}.${key}` : key;
      const had = Object.prototype.hasOwnProperty.call(into, key) ? into[key] : undefined;
      if (had !== undefined && typeof had !== typeof value) {
        const was = typeof had === "string" ? "a string" : "a group of strings";
        throw new UndocError("TEMPLATE", `"${where}" is ${typeof value === "string" ? "a string" : "a group of strings"} here but ${was} in ${origin.get(where) ?? below}`,
          { file }, `write "${where}" as ${was}, as the base does`);
      }
      if (typeof value === "string") {
        into[key] = value;
        origin.set(where, file);
      } else {
        if (had === undefined) {
          into[key] = Object.create(null) as LocaleStrings;
          origin.set(where, file);
        }
        merge(into[key] as LocaleStrings, value, file, below, where);
      }
    }
  };
  const strings = Object.create(null) as LocaleStrings;
  let below: string | undefined;
  for (const l of layers) {
    merge(strings, l.strings, l.file, below, "");
    below = l.file;
  }
  return { strings, originOf: (key) => origin.get(key) };
}
