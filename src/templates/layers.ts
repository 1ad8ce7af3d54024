/**
 * Layered template folders: a folder holds only the files it changes and names its base in
 * template.yaml (`base: default`, `base: ../other-folder` or `base: none`). A folder without
 * template.yaml is layered over the bundled templates, so an old complete copy keeps working (its
 * own files shadow every default one). This module resolves a folder to its chain of layers and
 * says which layer each file comes from; the engine reads the files.
 */
import { lstatSync, readdirSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { UndocError } from "../errors.js";
import { PACKAGE_ROOT } from "../fonts/registry.js";
import { readInside } from "./read.js";

/** The bundled templates: the base of every chain (it has no base itself). */
export const BUNDLED_TEMPLATES = join(PACKAGE_ROOT, "templates", "un-letter");

/** The file a folder declares its base in. */
export const DECLARATION = "template.yaml";

/** A chain longer than this is a mistake (or a cycle through links the realpaths did not catch). */
const MAX_LAYERS = 16;

export interface Layer {
  /** the folder, absolute (as given, links not resolved: errors show the path the user wrote) */
  dir: string;
  /** its real path: every file read from the layer must resolve inside it */
  root: string;
  /** the template.yaml that declared this layer's base, when there is one */
  declaration?: string;
  /** the bundled templates */
  bundled: boolean;
}

/** Whether a path names something (a file, a folder or a link, even a dangling one: it is refused when read, never skipped). */
export function present(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function realFolder(dir: string, from: { file?: string; line?: number; column?: number }): string {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    throw new UndocError("TEMPLATE", `the template folder ${dir} does not exist`, from, "check the path (relative paths in template.yaml start at the folder that holds it)");
  }
  if (!lstatSync(real).isDirectory()) throw new UndocError("TEMPLATE", `${dir} is not a folder`, from);
  return real;
}

interface Declared {
  base: "default" | "none" | string;
  at: { file: string; line?: number; column?: number };
}

/** template.yaml -> its base, held to the rules of the other template files (inside the folder, UTF-8, located errors). */
function readDeclaration(root: string, file: string): Declared {
  const text = readInside(root, file);
  const lines = new LineCounter();
  const at = (node: YamlNode | null | undefined) => {
    const p = node?.range ? lines.linePos(node.range[0]) : undefined;
    return { file, ...(p ? { line: p.line, column: p.col } : {}) };
  };
  const hint = "template.yaml holds one key: base: default (the bundled templates), base: ../other-folder, or base: none (a complete set)";
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const p = lines.linePos(doc.errors[0].pos[0]);
    throw new UndocError("TEMPLATE", `YAML syntax error: ${doc.errors[0].message.split("\n")[0]}`, { file, line: p.line, column: p.col }, hint);
  }
  if (doc.contents === null) return { base: "default", at: { file } };
  if (!isMap(doc.contents)) throw new UndocError("TEMPLATE", "template.yaml must be a mapping (base: ...)", at(doc.contents as YamlNode), hint);
  let base: Declared | undefined;
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    if (key !== "base") throw new UndocError("TEMPLATE", `template.yaml has no key "${key}"`, at(pair.key as YamlNode), hint);
    const v = pair.value as YamlNode | null;
    if (!isScalar(v) || typeof v.value !== "string" || v.value.trim() === "") throw new UndocError("TEMPLATE", "base must be text: default, none or a folder", at(v ?? (pair.key as YamlNode)), hint);
    base = { base: v.value.trim(), at: at(v) };
  }
  return base ?? { base: "default", at: { file } };
}

/**
 * A template folder -> its layers, the folder itself first and the bundled templates (when the
 * chain reaches them) last. Cycles, missing bases and chains deeper than MAX_LAYERS are errors at
 * the template.yaml line that names the base.
 */
export function templateLayers(dir: string): Layer[] {
  const bundledRoot = realpathSync(BUNDLED_TEMPLATES);
  const layers: Layer[] = [];
  let next: { dir: string; declaration?: string; from: { file?: string; line?: number; column?: number } } | undefined = { dir: resolve(dir), from: {} };
  while (next) {
    const root = realFolder(next.dir, next.from);
    const seen = layers.find((l) => l.root === root);
    if (seen) {
      const chain = [...layers.map((l) => l.dir), next.dir].join(" -> ");
      throw new UndocError("TEMPLATE", `the template folders' bases go round in a circle: ${chain}`, next.from, "one folder of the chain must say base: default or base: none");
    }
    if (layers.length >= MAX_LAYERS) throw new UndocError("TEMPLATE", `more than ${MAX_LAYERS} template folders are layered over each other`, next.from);
    const bundled = root === bundledRoot;
    const declaration = join(next.dir, DECLARATION);
    const hasDeclaration = !bundled && present(declaration);
    layers.push({ dir: next.dir, root, bundled, ...(hasDeclaration ? { declaration } : {}) });
    if (bundled) break;
    const declared: Declared = hasDeclaration ? readDeclaration(root, declaration) : { base: "default", at: { file: next.dir } };
    if (declared.base === "none") break;
    const baseDir = declared.base === "default" ? BUNDLED_TEMPLATES : isAbsolute(declared.base) ? declared.base : resolve(dirname(declaration), declared.base);
    next = { dir: baseDir, declaration, from: declared.at };
  }
  return layers;
}

/** The topmost layer that has the file `rel` (a path inside a template folder), with its path. */
export function pickFile(layers: readonly Layer[], rel: string): { layer: Layer; file: string } | undefined {
  for (const layer of layers) {
    const file = join(layer.dir, rel);
    if (present(file)) return { layer, file };
  }
  return undefined;
}

/** Every layer's file `rel`, the base's first (the order they deep-merge in). */
export function allFiles(layers: readonly Layer[], rel: string): { layer: Layer; file: string }[] {
  return [...layers].reverse().flatMap((layer) => (present(join(layer.dir, rel)) ? [{ layer, file: join(layer.dir, rel) }] : []));
}

/** Names in a layer's sub-folder ending in `ext` (without it), sorted. */
export function namesIn(layer: Layer, sub: string, ext: string): string[] {
  const dir = join(layer.dir, sub);
  if (!present(dir)) return [];
  try {
    if (!lstatSync(realpathSync(dir)).isDirectory()) return [];
  } catch {
    throw new UndocError("TEMPLATE", `${sub}/ is a link to nothing`, { file: dir }, "replace the link by the folder itself");
  }
  return readdirSync(dir).filter((f) => f.endsWith(ext) && f.length > ext.length).map((f) => f.slice(0, -ext.length)).sort();
}

/** The languages a template folder has locale strings for, over all its layers. */
export function templateLanguages(dir: string): string[] {
  return [...new Set(templateLayers(dir).flatMap((l) => namesIn(l, "locales", ".yaml")))].sort();
}
