/**
 * A strict XML 1.0 well-formedness check for the parts of a DOCX package (no DTDs: OOXML parts
 * have none). It checks what Word refuses a file for: every character a legal XML Char (no
 * control characters, no lone surrogates, no U+FFFE/U+FFFF), names, quoted attributes given
 * once, entity and character references, balanced tags and a single root element.
 * Returns the problems found, each with its line.
 */

const NAME_START = "A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`, "u");
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/y;
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const lineAt = (i: number) => text.slice(0, i).split("\n").length;
  const problem = (i: number, msg: string) => problems.push(`line ${lineAt(i)}: ${msg}`);

  // characters (a lone surrogate shows up as a code point in D800-DFFF when iterating)
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isXmlChar(cp)) {
      problem(index, `character U+${cp.toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML`);
      if (problems.length > 5) return problems;
    }
    index += ch.length;
  }

  const checkText = (s: string, at: number) => {
    for (let i = s.indexOf("&"); i >= 0; i = s.indexOf("&", i + 1)) {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(s);
      if (!m) {
        problem(at + i, "a bare '&'");
        continue;
      }
      const ref = m[1];
      if (ref[0] === "#") {
        const cp = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!isXmlChar(cp)) problem(at + i, `character reference ${m[0]} names a character XML does not allow`);
      } else if (!PREDEFINED.has(ref)) problem(at + i, `undefined entity ${m[0]}`);
    }
    if (s.includes("]]>")) problem(at, "']]>' in text");
  };

  const stack: Array<{ name: string; at: number }> = [];
  let roots = 0;
  let i = 0;
  if (text.startsWith("\ufeff")) i = 1;
  if (text.startsWith("<?xml", i)) {
    const end = text.indexOf("?>", i);
    if (end < 0) return [...problems, "unterminated XML declaration"];
    i = end + 2;
  }
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = text.slice(i, lt < 0 ? text.length : lt);
    if (stack.length === 0) {
      if (chunk.trim() !== "") problem(i, "text outside the root element");
    } else checkText(chunk, i);
    if (lt < 0) break;
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return [...problems, `line ${lineAt(i)}: unterminated comment`];
      if (text.slice(i + 4, end).includes("--")) problem(i, "'--' inside a comment");
      i = end + 3;
      continue;
    }
    if (text.startsWith("<![CDATA[", i)) {
      if (stack.length === 0) problem(i, "CDATA outside the root element");
      const end = text.indexOf("]]>", i);
      if (end < 0) return [...problems, `line ${lineAt(i)}: unterminated CDATA section`];
      i = end + 3;
      continue;
    }
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i);
      if (end < 0) return [...problems, `line ${lineAt(i)}: unterminated processing instruction`];
      if (/^<\?xml[\s?]/i.test(text.slice(i, i + 6))) problem(i, "XML declaration not at the start");
      i = end + 2;
      continue;
    }
    if (text.startsWith("<!", i)) {
      problem(i, "DOCTYPE or other declaration (not allowed in OOXML parts)");
      const end = text.indexOf(">", i);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    // a tag: find its end, outside quoted attribute values
    let j = i + 1;
    let quote = "";
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = "";
        else if (c === "<") {
          problem(j, "'<' in an attribute value");
          break;
        }
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") break;
      else if (c === "<") break;
    }
    if (j >= text.length || text[j] !== ">") return [...problems, `line ${lineAt(i)}: unterminated tag`];
    const tag = text.slice(i + 1, j);
    i = j + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open) problem(i, `closing tag </${name}> without an opening tag`);
      else if (open.name !== name) problem(i, `</${name}> closes <${open.name}> (line ${lineAt(open.at)})`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s/>]+)([\s\S]*)$/.exec(body);
    if (!m || !NAME.test(m[1])) {
      problem(i, `bad element name in <${tag.slice(0, 30)}>`);
      continue;
    }
    const seen = new Set<string>();
    let rest = m[2];
    const attr = /^\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/;
    let a: RegExpExecArray | null;
    while ((a = attr.exec(rest))) {
      if (!NAME.test(a[1])) problem(i, `bad attribute name ${a[1]}`);
      if (seen.has(a[1])) problem(i, `attribute ${a[1]} given twice on <${m[1]}>`);
      seen.add(a[1]);
      checkText(a[3] ?? a[4] ?? "", i);
      rest = rest.slice(a[0].length);
    }
    if (rest.trim() !== "") problem(i, `malformed attributes on <${m[1]}>: ${rest.trim().slice(0, 30)}`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push({ name: m[1], at: i });
  }
  if (stack.length) problem(text.length, `<${stack[stack.length - 1].name}> is never closed`);
  if (roots !== 1) problems.push(`${roots} root elements (one expected)`);
  return problems;
}

/** All problems of a DOCX package: a valid zip whose XML parts (.xml, .rels) are well-formed UTF-8 XML. */
export async function docxProblems(bytes: Uint8Array): Promise<string[]> {
  const { unzipSync } = await import("fflate");
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return [`not a valid zip: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  if (!files["[Content_Types].xml"]) problems.push("no [Content_Types].xml");
  if (!files["word/document.xml"]) problems.push("no word/document.xml");
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      problems.push(`${name}: not UTF-8`);
      continue;
    }
    for (const p of xmlProblems(text)) problems.push(`${name}: ${p}`);
  }
  return problems;
}

/** The text of a DOCX body: the w:t runs of word/document.xml, entities decoded. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const { unzipSync } = await import("fflate");
  const xml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, r: string) =>
      r[0] === "#" ? String.fromCodePoint(r[1] === "x" ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10)) : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[r]!,
    );
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join("");
}
