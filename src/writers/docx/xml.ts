/**
 * The one way the DOCX writer writes XML: `el(name, attributes, children)` returns the element as
 * a string; children are XML already (strings from el), so a part is built by joining strings,
 * with no object model between the data and the package. Text goes in through `textEl` (or
 * `escapeXml`), the only places it is escaped.
 *
 * The output is what Word writes and reads: attributes in the order given, `<name/>` for an
 * element with no content, `<name>...</name>` otherwise (a text element always has both tags).
 * Escaping: & < > " ' as the predefined entities, in text and attribute values alike; the C0
 * control characters XML 1.0 does not allow (all but tab, line feed and carriage return,
 * §2.2 of XML 1.0) are left out. The input checks reject control characters in the data, so
 * this only matters for what slips past them, and a part is always well-formed.
 */

export type Attributes = Record<string, string | number | boolean | undefined>;
/** Children: XML strings; undefined and false are left out (conditional children). */
export type Child = string | undefined | false;

const NEEDS_ESCAPING = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPED = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text or an attribute value as XML. */
export function escapeXml(text: string): string {
  return NEEDS_ESCAPING.test(text) ? text.replace(ESCAPED, (c) => ENTITIES[c] ?? "") : text;
}

/** ` name="value"` for each defined attribute, in the order given. */
export function attributes(attrs: Attributes): string {
  let out = "";
  for (const key in attrs) {
    const v = attrs[key];
    if (v === undefined) continue;
    out += ` ${key}="${typeof v === "string" ? escapeXml(v) : String(v)}"`;
  }
  return out;
}

/** An element with attributes (undefined ones are left out) and children (XML strings). */
export function el(name: string, attrs?: Attributes, children?: readonly Child[]): string {
  let content = "";
  if (children) for (const c of children) if (c) content += c;
  const open = attrs ? `<${name}${attributes(attrs)}` : `<${name}`;
  return content ? `${open}>${content}</${name}>` : `${open}/>`;
}

/** An element holding text (escaped here); always an open and a close tag, even around no text. */
export function textEl(name: string, attrs: Attributes | undefined, text: string): string {
  return `<${name}${attrs ? attributes(attrs) : ""}>${escapeXml(text)}</${name}>`;
}

/** A w:val element (w:jc, w:pStyle, ...). */
export const val = (name: string, v: string | number): string => `<${name} w:val="${typeof v === "string" ? escapeXml(v) : v}"/>`;

/** A CT_OnOff element: present means on; `false` writes w:val="0"; undefined writes nothing. */
export function onOff(name: string, v: boolean | undefined): string | undefined {
  if (v === undefined) return undefined;
  return v ? `<${name}/>` : `<${name} w:val="0"/>`;
}

/** The XML declarations a part starts with: Word's parts say standalone="yes"; relationships and some parts do not. */
export const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
