/**
 * Reading document data: YAML or JSON text -> validated data, with every problem located
 * at the file, line and field path.
 */
import { readFileSync } from "node:fs";
import { isMap, isSeq, isScalar, isPair, LineCounter, parseDocument, type Node as YamlNode } from "yaml";
import { UndocError } from "../errors.js";
import { UnDocument, type UnDocumentData } from "./schema.js";
import { fieldPath, validate, type SchemaProblem } from "./validate.js";

export interface LoadedData {
  data: UnDocumentData;
  file: string;
}

/** Reads and validates a data file (YAML or JSON; JSON is parsed as the YAML subset it is). */
export function loadDataFile(file: string): LoadedData {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new UndocError("INPUT_READ", `cannot read the input: ${reason}`, { file }, "check the path");
  }
  return { data: parseData(source, file), file };
}

/** Parses and validates data text. `file` is used in messages only. */
export function parseData(source: string, file = "<input>"): UnDocumentData {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = lines.linePos(err.pos[0]);
    const kind = file.endsWith(".json") ? "JSON" : "YAML";
    throw new UndocError("INPUT_SYNTAX", `${kind} syntax error: ${firstLine(err.message)}`, {
      file,
      line: pos.line,
      column: pos.col,
    });
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  if (value === null || value === undefined) {
    throw new UndocError("INPUT_SCHEMA", "the file is empty", { file, line: 1 }, "start from examples/ or run `undoc schema`");
  }
  const problems = validate(UnDocument, value);
  if (problems.length > 0) {
    const first = problems[0];
    const loc = locate(doc.contents as YamlNode | null, first, lines);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})` : "";
    throw new UndocError(
      "INPUT_SCHEMA",
      `${first.message}${more}`,
      { file, line: loc.line, column: loc.col, path: fieldPath(first.path) },
      "run `undoc schema` for the data format",
    );
  }
  return value as UnDocumentData;
}

function firstLine(s: string): string {
  return s.split("\n")[0];
}

/** Line and column of the YAML node at `problem.path`, or of its nearest existing parent. */
function locate(root: YamlNode | null, problem: SchemaProblem, lines: LineCounter): { line: number; col: number } {
  let node: unknown = root;
  let keyNode: unknown = undefined;
  let best = node;
  for (const seg of problem.path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
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
