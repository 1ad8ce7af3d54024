/**
 * Reading document data: YAML or JSON text -> validated data, with every problem located
 * at the file, line and field path.
 */
import { isAlias, isMap, isSeq, isScalar, isPair, LineCounter, parseDocument, type Document as YamlDocument, type Node as YamlNode, type Pair } from "yaml";
import { UndocError } from "../errors.js";
import { UnDocument, type UnDocumentData } from "./schema.js";
import { readRegularFile } from "./read-file.js";
import { yamlProblems } from "./yaml.js";
import { badCharacter, decodeInput, isCalendarDate, jsonSyntaxError } from "./text.js";
import { fieldPath, validate, type SchemaProblem } from "./validate.js";

export interface LoadedData {
  data: UnDocumentData;
  file: string;
}

/**
 * Largest data file read (bytes). A 500-page document is about 1.5 MB of YAML; a file hundreds of
 * times that is a mistake (a log, a dump) and would only exhaust memory in the parser.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads and validates a data file (YAML or JSON; JSON is parsed as the YAML subset it is). */
export function loadDataFile(file: string): LoadedData {
  return { data: parseData(readDataFile(file), file), file };
}

/** A data file's text (UTF-8, or UTF-16 with a byte order mark); an UndocError when it cannot be read. */
export function readDataFile(file: string): string {
  if (typeof file !== "string" || file === "") throw new UndocError("USAGE", `a data file is named by its path, not ${file === "" ? "an empty text" : typeof file}`);
  const bytes = readRegularFile(file, { code: "INPUT_READ", maxBytes: MAX_INPUT_BYTES, what: "the input", tooBigHint: "is this the data file? a 500-page document is about 1.5 MB" });
  return decodeInput(bytes, file);
}

/** Most alias references (*name) a file may use: more is a "billion laughs" expansion. */
const MAX_ALIASES = 100;

/** Parses and validates data text; throws the first problem (counting the others). `file` is used in messages only. */
export function parseData(source: string, file = "<input>"): UnDocumentData {
  const { data, problems } = analyseData(source, file);
  if (problems.length > 0) {
    const first = problems[0];
    throw new UndocError(first.code, `${first.detail}${andMore(problems.length)}`, first.location, first.hint);
  }
  return data!;
}

export interface DataAnalysis {
  /** the validated data, when there is no problem */
  data?: UnDocumentData;
  /** every problem found, most useful first: syntax errors, else schema problems, then bad text */
  problems: UndocError[];
}

/**
 * Parses and validates data text, collecting every problem instead of stopping at the first
 * (`undoc validate` lists them): each located at its line, column and field path.
 */
export function analyseData(source: string, file = "<input>"): DataAnalysis {
  const lines = new LineCounter();
  if (/\.json$/i.test(file)) {
    const bad = jsonSyntaxError(source);
    if (bad) {
      const before = source.slice(0, bad.offset).split("\n");
      return { problems: [new UndocError("INPUT_SYNTAX", `JSON syntax error: ${bad.message}`, { file, line: before.length, column: before[before.length - 1].length + 1 })] };
    }
  }
  // duplicate keys are found by yamlProblem (the library's own check is quadratic)
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  const kind = file.endsWith(".json") ? "JSON" : "YAML";
  const structural = yamlProblems(doc);
  if (doc.errors.length > 0 || structural.length > 0) {
    // the parser's errors and the duplicate keys (with the first alias problem), in the file's order
    const found = [
      ...doc.errors.map((err) => ({
        offset: err.pos[0],
        hint: undefined as string | undefined,
        message:
          err.code === "MULTIPLE_DOCS"
            ? "the file holds more than one YAML document (a second ---): one file is one document"
            : /call stack/i.test(err.message)
              ? "the data is nested too deeply"
              : firstLine(err.message),
      })),
      ...structural,
    ].sort((a, b) => a.offset - b.offset);
    return {
      problems: found.map((p) => {
        const pos = lines.linePos(p.offset);
        return new UndocError("INPUT_SYNTAX", `${kind} syntax error: ${p.message}`, { file, line: pos.line, column: pos.col }, p.hint);
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    // the yaml library throws a ReferenceError for an alias bomb: report it, located at the first alias
    const alias = firstAlias(doc.contents as YamlNode | null);
    const pos = lines.linePos(alias?.range?.[0] ?? 0);
    const excessive = /alias count/i.test((e as Error).message);
    return {
      problems: [
        new UndocError(
          "INPUT_SYNTAX",
          excessive ? `${kind}: aliases (*name) expand to too much data (more than ${MAX_ALIASES} references to one anchor)` : `${kind} error: ${firstLine((e as Error).message)}`,
          { file, line: pos.line, column: pos.col },
          excessive ? "write the data out instead of repeating anchors" : undefined,
        ),
      ],
    };
  }
  if (value === null || value === undefined) {
    return { problems: [new UndocError("INPUT_SCHEMA", "the file is empty", { file, line: 1 }, "start from examples/ or run `undoc schema`")] };
  }
  const keyIndex = new WeakMap<object, Map<string, Pair>>();
  const problems: UndocError[] = validate(UnDocument, value).map((p) => {
    const loc = locate(doc.contents as YamlNode | null, p, lines, keyIndex);
    return new UndocError("INPUT_SCHEMA", p.message, { file, line: loc.line, column: loc.col, path: fieldPath(p.path) }, "run `undoc schema` for the data format");
  });
  // text every field may hold, checked even where the schema failed elsewhere, so one run lists it all
  const ranges = new Map<string, [number, number]>();
  const textProblems: Array<{ path: string; message: string; offset: number; hint: string }> = [];
  for (const leaf of stringLeaves(value, doc.contents as YamlNode | null, [], doc)) {
    const path = fieldPath(leaf.path);
    const range = leaf.node?.range;
    if (range) ranges.set(path, [range[0], range[1]]);
    const bad = badCharacter(leaf.value);
    if (bad) {
      // point at the character itself when it is written raw, else at the start of the value
      const raw = leaf.value.slice(bad.index, bad.index + (bad.codePoint > 0xffff ? 2 : 1));
      const at = range ? source.slice(range[0], range[1]).indexOf(raw) : -1;
      textProblems.push({
        path,
        message: `${bad.what} is not allowed in text`,
        offset: range ? (at >= 0 ? range[0] + at : range[0]) : 0,
        hint: "delete it: text may hold tabs and line breaks, but no other control characters, and only whole characters",
      });
    }
  }
  const record = value as { meta?: { issued?: unknown }; letter?: { date?: unknown } };
  for (const [path, iso] of [["meta.issued", record.meta?.issued], ["letter.date", record.letter?.date]] as const) {
    if (typeof iso === "string" && !isCalendarDate(iso)) {
      textProblems.push({ path, message: `"${iso}" is not a calendar date`, offset: ranges.get(path)?.[0] ?? 0, hint: "write the date as YYYY-MM-DD" });
    }
  }
  textProblems.sort((a, b) => a.offset - b.offset);
  const refused = new Set(problems.map((p) => p.location.path));
  for (const t of textProblems) {
    const pos = lines.linePos(t.offset);
    // a field the schema already refused (a wrong type, say) is not reported twice
    if (!refused.has(t.path)) problems.push(new UndocError("INPUT_SCHEMA", t.message, { file, line: pos.line, column: pos.col, path: t.path }, t.hint));
  }
  if (problems.length > 0) return { problems };
  const data = value as UnDocumentData;
  sources.set(data, { file, source, lines, ranges });
  return { data, problems: [] };
}

/**
 * Validates data given as an object (the library API: renderData, buildModel) by the rules of
 * parseData: the schema, the characters text may hold, calendar dates. Data that came from
 * parseData passes at once. Errors name the field path (an object has no lines). Without this, a
 * caller's unchecked `meta.language` of "../../x" would name a locale file outside the templates.
 */
export function validateData(value: unknown, file = "<data>"): UnDocumentData {
  if (value && typeof value === "object" && sources.has(value)) return value as UnDocumentData;
  if (value === null || value === undefined) throw new UndocError("INPUT_SCHEMA", "no data", { file }, "run `undoc schema` for the data format");
  const problems = validate(UnDocument, value);
  if (problems.length > 0) {
    const first = problems[0];
    throw new UndocError("INPUT_SCHEMA", `${first.message}${andMore(problems.length)}`, { file, path: fieldPath(first.path) }, "run `undoc schema` for the data format");
  }
  const data = value as UnDocumentData;
  for (const leaf of walk(data, [])) {
    const bad = badCharacter(leaf.value);
    if (bad) {
      throw new UndocError("INPUT_SCHEMA", `${bad.what} is not allowed in text`, { file, path: fieldPath(leaf.path) },
        "delete it: text may hold tabs and line breaks, but no other control characters, and only whole characters");
    }
  }
  for (const [path, iso] of [["meta.issued", data.meta.issued], ["letter.date", data.letter.date]] as const) {
    if (!isCalendarDate(iso)) throw new UndocError("INPUT_SCHEMA", `"${iso}" is not a calendar date`, { file, path }, "write the date as YYYY-MM-DD");
  }
  return data;
}

function andMore(n: number): string {
  return n > 1 ? ` (and ${n - 1} more problem${n > 2 ? "s" : ""})` : "";
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}

function firstAlias(node: unknown): YamlNode | undefined {
  if (isAlias(node)) return node;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item) ? firstAlias(item.key) ?? firstAlias(item.value) : firstAlias(item);
      if (found) return found;
    }
  }
  return undefined;
}

interface StringLeaf {
  path: Array<string | number>;
  value: string;
  node: YamlNode | undefined;
}

/** Every string of the validated data with its path and YAML node, in document order. */
function* stringLeaves(value: unknown, node: YamlNode | null | undefined, path: Array<string | number>, doc: YamlDocument): Generator<StringLeaf> {
  if (isAlias(node)) node = node.resolve(doc) as YamlNode | undefined;
  if (typeof value === "string") {
    yield { path, value, node: node ?? undefined };
  } else if (Array.isArray(value)) {
    const items = isSeq(node) ? node.items : [];
    for (let i = 0; i < value.length; i++) yield* stringLeaves(value[i], items[i] as YamlNode | undefined, [...path, i], doc);
  } else if (value && typeof value === "object") {
    const pairs = new Map<string, YamlNode | undefined>();
    if (isMap(node)) for (const p of node.items) if (isScalar(p.key)) pairs.set(String(p.key.value), p.value as YamlNode | undefined);
    for (const key of Object.keys(value)) yield* stringLeaves((value as Record<string, unknown>)[key], pairs.get(key), [...path, key], doc);
  }
}

/** Where each validated data object came from: kept so later stages can point into the file. */
interface DataSource {
  file: string;
  source: string;
  lines: LineCounter;
  /** source range of each string value, by field path */
  ranges: Map<string, [number, number]>;
}

const sources = new WeakMap<object, DataSource>();

export interface TextLocation {
  file?: string;
  line?: number;
  column?: number;
  /** field path, e.g. letter.paragraphs[2] */
  path: string;
}

/**
 * The first string of the data (in document order) that contains `needle`: its field path and,
 * for data that came from parseData, the file, line and column (of `needle` itself when it is
 * written as is in the file, else of the value).
 */
export function findInData(data: UnDocumentData, needle: string): TextLocation | undefined {
  const src = sources.get(data);
  for (const leaf of walk(data, [])) {
    const at = leaf.value.indexOf(needle);
    if (at < 0) continue;
    const path = fieldPath(leaf.path);
    const range = src?.ranges.get(path);
    if (!src || !range) return { ...(src ? { file: src.file } : {}), path };
    const raw = src.source.slice(range[0], range[1]).indexOf(needle);
    const pos = src.lines.linePos(raw >= 0 ? range[0] + raw : range[0]);
    return { file: src.file, line: pos.line, column: pos.col, path };
  }
  return undefined;
}

/** Where a text field of the data stands: its file, line and column (for data from parseData), and its path. */
export function locateField(data: UnDocumentData, path: string): TextLocation {
  const src = sources.get(data);
  const range = src?.ranges.get(path);
  if (!src || !range) return { ...(src ? { file: src.file } : {}), path };
  const pos = src.lines.linePos(range[0]);
  return { file: src.file, line: pos.line, column: pos.col, path };
}

/** The file data was parsed from (parseData's `file`), if known. */
export function dataFile(data: UnDocumentData): string | undefined {
  return sources.get(data)?.file;
}

function* walk(value: unknown, path: Array<string | number>): Generator<{ path: Array<string | number>; value: string }> {
  if (typeof value === "string") yield { path, value };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i]);
  else if (value && typeof value === "object") for (const key of Object.keys(value)) yield* walk((value as Record<string, unknown>)[key], [...path, key]);
}

/** Line and column of the YAML node at `problem.path`, or of its nearest existing parent. */
function locate(root: YamlNode | null, problem: SchemaProblem, lines: LineCounter, index: WeakMap<object, Map<string, Pair>>): { line: number; col: number } {
  let node: unknown = root;
  let keyNode: unknown = undefined;
  let best = node;
  for (const seg of problem.path) {
    keyNode = undefined;
    if (isMap(node)) {
      // the keys of each mapping indexed once: a file of 40,000 unknown keys is located in linear time
      let keys = index.get(node);
      if (!keys) {
        keys = new Map();
        for (const p of node.items) if (isPair(p) && isScalar(p.key) && !keys.has(String(p.key.value))) keys.set(String(p.key.value), p as Pair);
        index.set(node, keys);
      }
      const pair = keys.get(String(seg));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else break;
    if (node && (node as YamlNode).range) best = node;
    else if (keyNode) best = keyNode;
  }
  const target = problem.atKey && keyNode ? keyNode : best;
  const offset = (target as YamlNode | null)?.range?.[0] ?? 0;
  const pos = lines.linePos(offset);
  return { line: pos.line, col: pos.col };
}
