/**
 * The data as templates see it. Handlebars' strict mode (which catches misspelt field names)
 * also rejects a field that is merely absent, even in {{#if}}. So every optional field of the
 * schema that the data leaves out is given as null, following the schema: in a union of mappings
 * ({ b } | { i } | { note }), the keys of every member are present, so a template can test
 * {{#if b}} ... {{else if note}} on any piece.
 */
import type { TSchema } from "@sinclair/typebox";
import { Kind } from "@sinclair/typebox";
import { RECURSIVE, UnDocument, type UnDocumentData } from "../input/schema.js";
import { deref, registerRecursive } from "../input/validate.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Record<string | symbol, any>;

// the document schema's recursive schemas, for deref (listed in schema.ts: walking the schema for them costs ~4 ms at start)
registerRecursive(...RECURSIVE);

function fill(schema: TSchema, value: unknown): unknown {
  const s = deref(schema) as Raw;
  if (value === null || value === undefined) return null;
  switch (s[Kind]) {
    case "Object": {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(s.properties as Record<string, TSchema>)) out[k] = fill(sub, (value as Record<string, unknown>)[k]);
      return out;
    }
    case "Array":
      return Array.isArray(value) ? value.map((v) => fill(s.items, v)) : value;
    case "Union": {
      const members = (s.anyOf as TSchema[]).map((m) => deref(m) as Raw);
      if (Array.isArray(value)) {
        const list = members.find((m) => m[Kind] === "Array");
        return list ? fill(list as TSchema, value) : value;
      }
      if (typeof value !== "object") return value;
      // every member mapping's keys, each filled by the member that defines it
      const out: Record<string, unknown> = {};
      for (const m of members) {
        if (m[Kind] !== "Object") continue;
        for (const [k, sub] of Object.entries(m.properties as Record<string, TSchema>)) {
          if (!(k in out) || out[k] === null) out[k] = fill(sub, (value as Record<string, unknown>)[k]);
        }
      }
      return out;
    }
    default:
      return value;
  }
}

export function templateView(data: UnDocumentData): unknown {
  const view = fill(UnDocument, data) as Record<string, Record<string, unknown> | null>;
  const letter = view.letter as Record<string, Record<string, unknown>>;
  letter.signature.signed ??= true;
  if (view.annex) view.annex.numbering ??= { headings: false, paragraphs: false };
  const numbering = view.annex?.numbering as Record<string, unknown> | undefined;
  if (numbering) for (const k of ["headings", "paragraphs"]) numbering[k] ??= false;
  return view;
}
