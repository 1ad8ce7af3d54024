/**
 * A strict parser for undoc's document markup: a small XML subset (elements, double- or
 * single-quoted attributes, text, character references). No DTDs, no processing
 * instructions, no external entities: the markup can name nothing outside itself.
 */
import { UndocError } from "../errors.js";

export interface MarkupElement {
  kind: "element";
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
  line: number;
  column: number;
}
export interface MarkupText {
  kind: "text";
  value: string;
  line: number;
  column: number;
}
export type MarkupNode = MarkupElement | MarkupText;

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// Tags are matched where they start (sticky), with no length limit: an attribute may hold a
// 4,000-character title from the data.
const OPEN = /<([a-zA-Z][\w-]*)((?:\s+[a-zA-Z][\w-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const CLOSE = /<\/([a-zA-Z][\w-]*)\s*>/y;

export function parseMarkup(src: string, origin: string): MarkupElement {
  let i = 0;
  let line = 1;
  let col = 1;

  const fail = (msg: string, l = line, c = col): never => {
    const excerpt = src.split("\n")[l - 1]?.trim().slice(0, 80) ?? "";
    throw new UndocError("MARKUP", `${msg} (near: ${excerpt})`, { file: origin, line: l, column: c },
      "the templates produced malformed markup; check the template that writes this element");
  };
  const advance = (n: number) => {
    for (let k = 0; k < n; k++) {
      if (src.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  const decode = (raw: string, l: number, c: number): string =>
    raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);|&/g, (m, ref: string | undefined) => {
      if (!ref) return fail("a bare '&' must be written &amp;", l, c);
      if (ref[0] === "#") {
        const cp = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!(cp >= 0 && cp <= 0x10ffff)) fail(`bad character reference ${m}`, l, c);
        return String.fromCodePoint(cp);
      }
      const v = NAMED[ref];
      if (v === undefined) fail(`unknown entity ${m}`, l, c);
      return v;
    });

  const root: MarkupElement = { kind: "element", name: "#root", attrs: {}, children: [], line: 1, column: 1 };
  const stack: MarkupElement[] = [root];

  while (i < src.length) {
    const top = stack[stack.length - 1];
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end < 0) fail("unterminated comment");
      advance(end + 3 - i);
      continue;
    }
    if (src[i] === "<") {
      const l0 = line;
      const c0 = col;
      if (src[i + 1] === "/") {
        CLOSE.lastIndex = i;
        const m = CLOSE.exec(src);
        if (!m) fail("malformed closing tag");
        const name = m![1];
        if (top === root) fail(`closing tag </${name}> without an opening tag`);
        if (top.name !== name) fail(`</${name}> closes <${top.name}> opened at line ${top.line}`);
        stack.pop();
        advance(m![0].length);
        continue;
      }
      OPEN.lastIndex = i;
      const m = OPEN.exec(src);
      if (!m) fail("malformed tag (attributes must be quoted, names must start with a letter)");
      const attrs: Record<string, string> = Object.create(null);
      for (const a of m![2].matchAll(/([a-zA-Z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) fail(`attribute ${a[1]} given twice`);
        attrs[a[1]] = decode(a[2] ?? a[3] ?? "", l0, c0);
      }
      const el: MarkupElement = { kind: "element", name: m![1], attrs, children: [], line: l0, column: c0 };
      top.children.push(el);
      advance(m![0].length);
      if (!m![3]) stack.push(el);
      continue;
    }
    const next = src.indexOf("<", i);
    const end = next < 0 ? src.length : next;
    const l0 = line;
    const c0 = col;
    const raw = src.slice(i, end);
    if (raw.includes(">")) fail("a bare '>' in text must be written &gt;");
    top.children.push({ kind: "text", value: decode(raw, l0, c0), line: l0, column: c0 });
    advance(end - i);
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    fail(`<${open.name}> is never closed`, open.line, open.column);
  }
  const elements = root.children.filter((n): n is MarkupElement => n.kind === "element");
  const strayText = root.children.find((n) => n.kind === "text" && n.value.trim() !== "");
  if (elements.length !== 1 || strayText) fail("the markup must have exactly one root element", 1, 1);
  return elements[0];
}
