/**
 * `undoc init DIR`: a template folder to customise without touching code. By default the minimal
 * layered folder (template.yaml saying `base: default`, and a README of what can be overridden);
 * `only` copies single files of the base into it, `full` every file. Nothing is overwritten
 * without `force`.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { closest, didYouMean } from "../cli/args.js";
import { UndocError } from "../errors.js";
import { DECLARATION, pickFile, present, templateLayers, type Layer } from "./layers.js";

export interface InitOptions {
  force?: boolean;
  /** files to copy, as paths inside a template folder (partials/letter.hbs, locales/zh.yaml) */
  only?: string[];
  /** copy every file of the base */
  full?: boolean;
}

/** What each kind of file holds, for the README of a new folder. */
const KINDS: Array<[RegExp, string]> = [
  [/^document\.hbs$/, "the document: which parts come in which order"],
  [/^partials\/masthead\.hbs$/, "the first-page masthead"],
  [/^partials\/first-page-footer\.hbs$/, "the first-page footer: job number, barcode, QR code"],
  [/^partials\/letter(-title)?\.hbs$/, "the letter: title, paragraphs, signature"],
  [/^partials\/annex\.hbs$/, "the annex: headings and sections"],
  [/^partials\/numbering\.hbs$/, "numbering formats (from the locale strings)"],
  [/^partials\/.*\.hbs$/, "a building block (sections, paragraphs, lists, tables, inline text)"],
  [/^locales\/.*\.yaml$/, "fixed wording of one language; your file may hold only the strings you change"],
  [/^style\.yaml$/, "page, faces, sizes, spacing; your file may hold only the keys you change"],
  [/^style\.[^.]+\.yaml$/, "the layout of one language over style.yaml; only the keys you change"],
];

function describe(file: string): string {
  return KINDS.find(([re]) => re.test(file))?.[1] ?? "";
}

const declaration = (base: string) =>
  `# This template folder holds only the files it changes; every other file comes from its base.
# base: default (the bundled templates), base: ../other-folder (layered over another folder),
# or base: none (this folder is a complete set). See README.md beside this file.
base: ${base}
`;

function readme(files: string[], copied: string[]): string {
  const rows = files.map((f) => `| \`${f}\` | ${describe(f)} |${copied.includes(f) ? " (copied here)" : ""}`);
  return `# Custom templates

This folder is layered over its base (\`template.yaml\`): a file here replaces the base's file of the
same name, except that locale files (\`locales/<lang>.yaml\`) and style files (\`style.yaml\`,
\`style.<lang>.yaml\`) are deep-merged over the base's, key by key, so they hold only what changes.

Copy a file of the base here to change it: \`undoc init ${"<this folder>"} --only partials/letter.hbs\`.
Render with \`undoc render <input> --templates <this folder>\`, or see the pages live as you edit with
\`undoc preview <input> --templates <this folder>\`.

| file | what it holds |
|---|---|
${rows.join("\n")}

The markup the templates write (every element and attribute) is described in the bundled
templates' README: templates/README.md in the undoc package.
`;
}

/** Every file of a template folder's merged view (the topmost layer's of each path), sorted. */
export function templateFiles(layers: readonly Layer[]): string[] {
  const all = new Set<string>();
  for (const layer of layers) for (const f of listFiles(layer.dir)) if (!/(^|\/)(README\.md|template\.yaml)$/.test(f)) all.add(f);
  return [...all].sort();
}

export function initTemplates(defaultBase: string, dir: string, options: InitOptions = {}): string[] {
  const target = resolve(dir);
  refuseNonFolder(dir, target);
  // the base the copied files come from: the folder's own base when it is already layered
  const layered = present(join(target, DECLARATION));
  const layers = layered ? templateLayers(target).slice(1) : templateLayers(defaultBase);
  const available = templateFiles(layers);
  if (options.only && options.full) throw new UndocError("USAGE", "--only and --full do not go together: --full copies every file");
  const wanted = options.full ? available : (options.only ?? []).map((f) => inside(f, available));
  const writes = new Map<string, () => void>();
  // --only adds files to a folder; without it the folder itself is started (and refused if it is there)
  if (!layered || !options.only) writes.set(DECLARATION, () => writeFileSync(join(target, DECLARATION), declaration("default")));
  if (!options.only) writes.set("README.md", () => writeFileSync(join(target, "README.md"), readme(available, wanted)));
  for (const f of wanted) {
    const from = pickFile(layers, f)!.file;
    writes.set(f, () => {
      mkdirSync(dirname(join(target, f)), { recursive: true });
      copyFileSync(from, join(target, f));
    });
  }
  const clash = [...writes.keys()].filter((f) => existsSync(join(target, f)));
  if (clash.length && !options.force) {
    throw new UndocError("USAGE", `${dir} already has ${clash.join(", ")}`, {}, "choose another folder, or pass --force to overwrite those files");
  }
  try {
    mkdirSync(target, { recursive: true });
    for (const write of writes.values()) write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOSPC" ? "the disk is full" : code === "ENOTDIR" || code === "EEXIST" || code === "EISDIR" ? "something in the folder is in the way (a file where a folder goes, or the other way round)" : (e as Error).message;
    throw new UndocError("OUTPUT", `cannot copy the templates into ${dir}: ${reason}`, { file: dir }, "choose a folder you can write to");
  }
  return [...writes.keys()];
}

/** DIR must be a folder or nothing yet: a file, a device or a link named DIR is in the way (lstat: a link is not followed). */
function refuseNonFolder(dir: string, target: string): void {
  let st;
  try {
    st = lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new UndocError("OUTPUT", `cannot use ${dir}: ${(e as Error).message}`, { file: dir });
  }
  if (!st.isDirectory()) {
    throw new UndocError("USAGE", `${dir} exists and is not a folder (it is ${st.isFile() ? "a file" : st.isSymbolicLink() ? "a symbolic link" : "a device, a pipe or a socket"})`, {}, "name a new folder: undoc init my-templates");
  }
}

/** A file name given to --only, checked against the base's files (with "did you mean"). */
function inside(file: string, available: string[]): string {
  const rel = normalize(file).split(sep).join("/").replace(/^\.\//, "");
  if (available.includes(rel)) return rel;
  const guess = closest(rel, available);
  throw new UndocError("USAGE", `the base templates have no file ${file}${didYouMean(guess)}; files: ${available.join(", ")}`);
}

function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) out.push(...listFiles(join(dir, e.name), `${prefix}${e.name}/`));
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
  }
  return out;
}
