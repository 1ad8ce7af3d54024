/**
 * YAML checks the yaml library makes too slowly or not at all, shared by data, locale and style
 * files: duplicate keys (the library compares each key with every earlier one: 40,000 keys took
 * 17 s, here a set per mapping), aliases that refer to the anchor they are inside (a cycle), and
 * aliases that repeat more text than any document needs (99 references to a 400,000-character
 * anchor would expand a 400 KB file to 40 MB and gigabytes of memory).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from "yaml";

/** Most characters aliases may add to a file in all (text repeated by *name). */
export const MAX_ALIAS_GROWTH = 1 << 20;

/** Deepest nesting walked: far past any document, short of the stack's end. */
const MAX_DEPTH = 1000;

export interface YamlProblem {
  /** source offset of the node at fault */
  offset: number;
  message: string;
  hint?: string;
}

const scalarSize = (node: YamlNode) => (isScalar(node) ? String(node.value ?? "").length + 1 : 1);

/**
 * The structural problems of a parsed document (parsed with `uniqueKeys: false`), in the order
 * of the file: every duplicate key, then the first of an alias inside its own anchor, nesting
 * past MAX_DEPTH, or aliases that add more than `maxGrowth` characters once expanded.
 */
export function yamlProblems(doc: Document, maxGrowth = MAX_ALIAS_GROWTH): YamlProblem[] {
  const duplicates: YamlProblem[] = [];
  const expanded = new Map<YamlNode, number>();
  const open = new Set<YamlNode>();
  let growth = 0;
  let firstAlias: YamlNode | undefined;
  let problem: YamlProblem | undefined;
  // size of `node` with its aliases expanded; duplicate keys and cycles set `problem`
  const size = (node: YamlNode | null | undefined, depth: number): number => {
    if (!node || problem) return 0;
    if (depth > MAX_DEPTH) {
      problem = { offset: node.range?.[0] ?? 0, message: `the data is nested more than ${MAX_DEPTH} levels deep` };
      return 0;
    }
    if (isAlias(node)) {
      firstAlias ??= node;
      const target = node.resolve(doc) as YamlNode | undefined;
      if (!target) return 1;
      if (open.has(target)) {
        problem = { offset: node.range?.[0] ?? 0, message: `the alias *${node.source} is inside the anchor &${node.source} it refers to: the data would contain itself`, hint: "write the data out instead of referring to an enclosing anchor" };
        return 0;
      }
      const n = expanded.get(target) ?? size(target, depth + 1);
      growth += n;
      return n;
    }
    const known = expanded.get(node);
    if (known !== undefined) return known;
    open.add(node);
    let n = scalarSize(node);
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        if (isScalar(key)) {
          const k = String(key.value);
          if (keys.has(k)) duplicates.push({ offset: key.range?.[0] ?? 0, message: `Map keys must be unique: "${k}" appears twice in one mapping`, hint: "keep one of them" });
          keys.add(k);
        }
        n += size(key, depth + 1) + size(pair.value as YamlNode | null, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) n += size(item as YamlNode | null, depth + 1);
    }
    open.delete(node);
    expanded.set(node, n);
    return n;
  };
  size(doc.contents as YamlNode | null, 0);
  if (problem) return [...duplicates, problem];
  if (growth > maxGrowth) {
    duplicates.push({
      offset: firstAlias?.range?.[0] ?? 0,
      message: `aliases (*name) repeat ${growth.toLocaleString("en")} characters of the file, more than ${maxGrowth.toLocaleString("en")}`,
      hint: "write the data out instead of repeating large anchors",
    });
  }
  return duplicates;
}

/** The first of yamlProblems, or undefined. */
export function yamlProblem(doc: Document, maxGrowth = MAX_ALIAS_GROWTH): YamlProblem | undefined {
  return yamlProblems(doc, maxGrowth)[0];
}
