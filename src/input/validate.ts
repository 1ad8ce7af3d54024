/**
 * Schema validation with messages a person can act on: the field path, what was expected,
 * and for unions the member that fits the value's shape (not TypeBox's generic "union" error).
 */
import type { TSchema } from "@sinclair/typebox";
import { Kind } from "@sinclair/typebox";
import { Value, ValueErrorType } from "@sinclair/typebox/value";
import { TypeCompiler, type TypeCheck } from "@sinclair/typebox/compiler";

export interface SchemaProblem {
  /** JSON pointer segments of the offending value, e.g. ["letter", "paragraphs", 2] */
  path: Array<string | number>;
  message: string;
  /** true when the problem is an unexpected key (locate the key, not the value) */
  atKey?: boolean;
}

export function fieldPath(path: Array<string | number>): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || "(document root)";
}

function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** TypeBox schemas are plain objects with a [Kind] symbol: read them as such. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string | symbol, any>;
const raw = (s: TSchema): Raw => s as unknown as Raw;

function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

function schemaType(s: TSchema): string | undefined {
  s = deref(s);
  const kind = raw(s)[Kind];
  if (kind === "Literal") return typeof raw(s).const;
  if (kind === "String") return "string";
  if (kind === "Object") return "object";
  if (kind === "Array") return "array";
  if (kind === "Boolean") return "boolean";
  if (kind === "Number" || kind === "Integer") return "number";
  return undefined;
}

function describe(s: TSchema): string {
  s = deref(s);
  const kind = raw(s)[Kind];
  if (kind === "Literal") return JSON.stringify(raw(s).const);
  if (kind === "Object") {
    // named by its required keys: { p }, { bullets }, { table }
    const keys: string[] = raw(s).required ?? Object.keys(raw(s).properties);
    return `a mapping with ${keys.join(", ")}`;
  }
  if (kind === "String") return "text";
  if (kind === "Array") return "a list";
  return schemaType(s) ?? "a value";
}

/** A union's members in words: "text, a list or a mapping with p, bullets or table". */
function describeUnion(members: TSchema[]): string {
  const parts: string[] = [];
  const keys: string[] = [];
  for (const m of members.map(deref)) {
    if (raw(m)[Kind] === "Object") keys.push(((raw(m).required ?? Object.keys(raw(m).properties)) as string[])[0]);
    else parts.push(describe(m));
  }
  if (keys.length === 1) parts.push(`a mapping with ${keys[0]}`);
  else if (keys.length > 1) parts.push(`a mapping with ${keys.slice(0, -1).join(", ")} or ${keys[keys.length - 1]}`);
  const unique = [...new Set(parts)];
  return unique.length > 1 ? `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}` : unique[0];
}

function at(root: unknown, path: Array<string | number>): unknown {
  let v: unknown = root;
  for (const seg of path) v = v != null && typeof v === "object" && Object.hasOwn(v, seg) ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** Recursive schemas (TypeBox Type.Recursive) by their $id, so a reference to one can be followed. */
const recursive = new Map<string, TSchema>();

/**
 * Per schema: how often it has checked a value, and from the third time its compiled check.
 * Compiling takes about 20 ms, more than a one-document process's checks take in all; a warm
 * process gets the compiled check (a tenth of a millisecond a document instead of one).
 */
const checks = new WeakMap<TSchema, { uses: number; compiled?: TypeCheck<TSchema> }>();
const COMPILE_AFTER = 2;
const registered = new WeakSet<TSchema>();

/** Whether `value` fits `schema` (TypeBox's check: far cheaper than its error walk). */
function fits(schema: TSchema, value: unknown): boolean {
  let c = checks.get(schema);
  if (!c) checks.set(schema, (c = { uses: 0 }));
  if (!c.compiled && ++c.uses > COMPILE_AFTER) c.compiled = TypeCompiler.Compile(schema);
  return c.compiled ? c.compiled.Check(value) : Value.Check(schema, value);
}

/** Registers the recursive schemas inside `s`, so deref can follow references to them. */
export function collectRecursive(s: unknown, seen = new Set<unknown>()): void {
  if (!s || typeof s !== "object" || seen.has(s)) return;
  seen.add(s);
  const r = s as Raw;
  if (typeof r.$id === "string" && r[Kind] !== "This") recursive.set(r.$id, s as TSchema);
  for (const v of Object.values(r)) {
    if (Array.isArray(v)) v.forEach((c) => collectRecursive(c, seen));
    else collectRecursive(v, seen);
  }
}

/**
 * Registers the given recursive schemas by $id without walking a whole schema (collectRecursive
 * walks ~1,100 nodes of UnDocument: ~4 ms at a cold start, for the two schemas it finds).
 */
export function registerRecursive(...schemas: TSchema[]): void {
  for (const s of schemas) recursive.set(s.$id as string, s);
}

/** A reference inside a recursive schema (Kind "This") -> the recursive schema it names. */
export function deref(s: TSchema): TSchema {
  return raw(s)[Kind] === "This" ? (recursive.get(raw(s).$ref) ?? s) : s;
}

function resolve(schema: TSchema, path: Array<string | number>): TSchema | undefined {
  let s: TSchema | undefined = deref(schema);
  for (const seg of path) {
    if (!s) return undefined;
    s = deref(s);
    if (raw(s)[Kind] === "Union") {
      // the union's member shaped like the value's path: the object member that has this key, or the array member
      const members = raw(s).anyOf as TSchema[];
      s = members.map(deref).find((m) => (typeof seg === "number" ? raw(m)[Kind] === "Array" : raw(m)[Kind] === "Object" && Object.hasOwn(raw(m).properties, String(seg))));
      if (!s) return undefined;
    }
    const kind = raw(s)[Kind];
    // own properties only: a key such as "constructor" or "__proto__" must not find Object's
    if (kind === "Object") s = Object.hasOwn(raw(s).properties, String(seg)) ? (raw(s).properties[String(seg)] as TSchema) : undefined;
    else if (kind === "Array") s = raw(s).items as TSchema;
    else return undefined;
  }
  return s;
}

/** All problems of `value` against `schema`, most specific first, one per offending field. */
export function validate(schema: TSchema, value: unknown, base: Array<string | number> = []): SchemaProblem[] {
  schema = deref(schema);
  // valid data (the usual case) has no errors to explain
  if (fits(schema, value)) return [];
  if (!registered.has(schema)) {
    collectRecursive(schema); // for the error paths' references (deref), once per schema
    registered.add(schema);
  }
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const err of Value.Errors(schema, value)) {
    const rel = pointerToPath(err.path);
    const path = [...base, ...rel];
    const key = fieldPath(path);
    if (seen.has(key)) continue; // TypeBox reports "required" and "expected string" for one field
    seen.add(key);
    const got = at(value, rel);
    const sub = resolve(schema, rel);
    if (err.type === ValueErrorType.Union && sub && raw(deref(sub)).anyOf) {
      const members = (raw(deref(sub)).anyOf as TSchema[]).map(deref);
      // pick the member shaped like the value (a string for a paragraph, a mapping for a list);
      // among mappings, the one that knows most of the value's keys ({ table } for a table)
      const shaped = members.filter((m: TSchema) => schemaType(m) === jsonType(got) && raw(m)[Kind] !== "Literal");
      const keys = got && typeof got === "object" && !Array.isArray(got) ? Object.keys(got) : [];
      const known = (m: TSchema) => keys.filter((k) => raw(m).properties && Object.hasOwn(raw(m).properties, k)).length;
      let fitting: TSchema | undefined = shaped.length > 1 && keys.length ? shaped.reduce((best, m) => (known(m) > known(best) ? m : best)) : shaped[0];
      if (fitting && keys.length && shaped.length > 1 && known(fitting) === 0) {
        // no member knows any key: a misspelt key ({ bullet: ... }) names the member it was meant for
        fitting = shaped.find((m) => (raw(m).required ?? []).some((r: string) => keys.some((k) => Math.min(k.length, r.length) >= 3 && similar(k, r))));
        if (!fitting) {
          problems.push({ path, message: `expected ${describeUnion(members)}, found a mapping with ${keys.map((k) => `"${k}"`).join(", ")}` });
          continue;
        }
      }
      if (fitting) {
        problems.push(...validate(fitting, got, path));
        continue;
      }
      const literals = members.every((m: TSchema) => raw(m)[Kind] === "Literal");
      const expected = literals ? `one of ${members.map(describe).join(", ")}` : describeUnion(members);
      problems.push({ path, message: `expected ${expected}, found ${shown(got)}` });
      continue;
    }
    problems.push(problemFor(err.type, err.message, path, got, sub));
  }
  return withSuggestions(problems);
}

/**
 * A misspelt key shows up twice: as an unknown field and as a missing one. Report the unknown
 * field first, with the missing sibling as the suggestion.
 */
function withSuggestions(problems: SchemaProblem[]): SchemaProblem[] {
  const parentOf = (p: SchemaProblem) => fieldPath(p.path.slice(0, -1));
  const missing = problems.filter((p) => p.message.startsWith("missing required field"));
  const out = problems.map((p) => {
    if (!p.atKey) return p;
    const name = String(p.path[p.path.length - 1]);
    const near = missing.find((m) => parentOf(m) === parentOf(p) && similar(name, String(m.path[m.path.length - 1])));
    return near ? { ...p, message: `${p.message} (did you mean "${near.path[near.path.length - 1]}"?)` } : p;
  });
  return [...out.filter((p) => p.atKey), ...out.filter((p) => !p.atKey)];
}

/** Edit distance of at most 2 (or one is a prefix of the other): likely a typo. */
function similar(a: string, b: string): boolean {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length] <= 2;
}

function shown(v: unknown): string {
  if (v instanceof Uint8Array) return "binary data (!!binary)";
  const t = jsonType(v);
  if (t === "string") return `"${String(v).slice(0, 40)}"`;
  if (t === "number" || t === "boolean") return `${t} ${String(v)}`;
  if (t === "undefined") return "nothing";
  return t === "object" ? "a mapping" : t === "array" ? "a list" : t;
}

function problemFor(type: ValueErrorType, fallback: string, path: Array<string | number>, got: unknown, sub?: TSchema): SchemaProblem {
  const desc = sub ? (raw(sub).description as string | undefined) : undefined;
  const what = desc ? ` (${desc})` : "";
  switch (type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { path, message: `missing required field "${path[path.length - 1]}"${what}` };
    case ValueErrorType.ObjectAdditionalProperties:
      return { path, message: `unknown field "${path[path.length - 1]}"`, atKey: true };
    case ValueErrorType.String:
      return { path, message: `expected text${what}, found ${shown(got)}` };
    case ValueErrorType.StringMinLength:
      return { path, message: `must not be empty${what}` };
    case ValueErrorType.StringMaxLength:
      return { path, message: `is ${String(got).length} characters long, more than ${sub ? raw(sub).maxLength : "allowed"}${what}` };
    case ValueErrorType.StringPattern:
      return { path, message: `${shown(got)} has the wrong form${what}` };
    case ValueErrorType.Array:
      return { path, message: `expected a list${what}, found ${shown(got)}` };
    case ValueErrorType.ArrayMinItems:
      return { path, message: `the list must not be empty${what}` };
    case ValueErrorType.Object:
      return { path, message: `expected a mapping${what}, found ${shown(got)}` };
    case ValueErrorType.Boolean:
      return { path, message: `expected true or false, found ${shown(got)}` };
    default:
      return { path, message: `${fallback.toLowerCase()}${what}` };
  }
}
