/**
 * Markup element tree -> document model. One handler per element; unknown elements and
 * attributes are errors, so a typo in a template is caught instead of silently dropped.
 */
import { UndocError } from "../errors.js";
import type { Block, Document, FirstPageFooter, Inline, Masthead, RunningParts } from "../model/types.js";
import type { MarkupElement, MarkupNode } from "./parse.js";

type Ctx = { origin: string };

function fail(ctx: Ctx, node: { line: number; column: number }, msg: string): never {
  throw new UndocError("MARKUP", msg, { file: ctx.origin, line: node.line, column: node.column },
    "see templates/README.md for the markup elements");
}

function checkAttrs(ctx: Ctx, el: MarkupElement, allowed: string[], required: string[] = []): void {
  for (const a of Object.keys(el.attrs)) {
    if (!allowed.includes(a)) fail(ctx, el, `<${el.name}> has no attribute "${a}" (allowed: ${allowed.join(", ") || "none"})`);
  }
  for (const a of required) if (!(a in el.attrs)) fail(ctx, el, `<${el.name}> needs the attribute "${a}"`);
}

function elements(ctx: Ctx, el: MarkupElement): MarkupElement[] {
  const out: MarkupElement[] = [];
  for (const c of el.children) {
    if (c.kind === "element") out.push(c);
    else if (c.value.trim() !== "") fail(ctx, c, `text is not allowed directly inside <${el.name}>: "${c.value.trim().slice(0, 30)}"`);
  }
  return out;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c-\u201d]/u;

/**
 * White space the markup collapses: XML's (space, tab, line feed, carriage return) and the line and
 * paragraph separators. Not JavaScript's \s: that would also turn a no-break space (U+00A0,
 * U+202F, U+2007) into a breakable one and the ideographic space U+3000 into a narrow one.
 */
const COLLAPSIBLE = /[ \t\n\r\u2028\u2029]+/g;

/** Collapses white space as HTML does, but drops line-break white space between CJK characters. */
function collapse(value: string): string {
  return value.replace(COLLAPSIBLE, (ws, at: number, all: string) => {
    if (/[\n\r\u2028\u2029]/.test(ws) && CJK.test(all[at - 1] ?? "") && CJK.test(all[at + ws.length] ?? "")) return "";
    return " ";
  });
}

function inlines(ctx: Ctx, nodes: MarkupNode[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (n.kind === "text") {
      const v = collapse(n.value);
      if (v) out.push({ type: "text", value: v });
      continue;
    }
    checkAttrs(ctx, n, []);
    if (n.name === "b") out.push({ type: "strong", children: inlines(ctx, n.children) });
    else if (n.name === "i") out.push({ type: "emphasis", children: inlines(ctx, n.children) });
    else fail(ctx, n, `<${n.name}> is not an inline element (inline elements: b, i)`);
  }
  return out;
}

/** Inline content of a block with its outer white space trimmed. */
function blockInlines(ctx: Ctx, el: MarkupElement): Inline[] {
  const out = inlines(ctx, el.children);
  trimEdge(out, "start");
  trimEdge(out, "end");
  return out;
}

function trimEdge(list: Inline[], edge: "start" | "end"): void {
  while (list.length) {
    const n = edge === "start" ? list[0] : list[list.length - 1];
    if (n.type === "text") {
      n.value = edge === "start" ? n.value.trimStart() : n.value.trimEnd();
      if (n.value) return;
      if (edge === "start") list.shift();
      else list.pop();
    } else {
      trimEdge(n.children, edge);
      return;
    }
  }
}

function textOf(ctx: Ctx, el: MarkupElement): string {
  checkAttrs(ctx, el, []);
  let s = "";
  for (const c of el.children) {
    if (c.kind !== "text") fail(ctx, c, `<${el.name}> takes plain text only`);
    else s += c.value;
  }
  return collapse(s).trim();
}

type BlockHandler = (ctx: Ctx, el: MarkupElement) => Block;

const blockHandlers: Record<string, BlockHandler> = {
  title: (ctx, el) => (checkAttrs(ctx, el, []), { type: "heading", role: "title", children: blockInlines(ctx, el) }),
  heading: (ctx, el) => (checkAttrs(ctx, el, []), { type: "heading", role: "section", children: blockInlines(ctx, el) }),
  p: (ctx, el) => {
    checkAttrs(ctx, el, ["indent"]);
    const indent = el.attrs.indent;
    if (indent !== undefined && indent !== "none" && indent !== "first-line") fail(ctx, el, `indent must be "none" or "first-line", not "${indent}"`);
    return { type: "paragraph", ...(indent ? { indent } : {}), children: blockInlines(ctx, el) } as Block;
  },
  list: (ctx, el) => {
    checkAttrs(ctx, el, ["marker"]);
    const marker = el.attrs.marker ?? "bullet";
    if (marker !== "bullet") fail(ctx, el, `list marker must be "bullet", not "${marker}"`);
    const items = elements(ctx, el).map((it) => {
      if (it.name !== "item") fail(ctx, it, `<list> holds <item> elements, not <${it.name}>`);
      checkAttrs(ctx, it, []);
      return { type: "listItem" as const, children: blockInlines(ctx, it) };
    });
    if (items.length === 0) fail(ctx, el, "<list> needs at least one <item>");
    return { type: "list", marker: "bullet", items };
  },
  signature: (ctx, el) => {
    checkAttrs(ctx, el, []);
    const lines = elements(ctx, el).map((ln) => {
      if (ln.name !== "line") fail(ctx, ln, `<signature> holds <line> elements, not <${ln.name}>`);
      checkAttrs(ctx, ln, []);
      return blockInlines(ctx, ln);
    });
    return { type: "signature", lines };
  },
  "page-break": (ctx, el) => (checkAttrs(ctx, el, []), { type: "pageBreak" }),
  "end-rule": (ctx, el) => (checkAttrs(ctx, el, []), { type: "endRule" }),
};

function masthead(ctx: Ctx, el: MarkupElement): Masthead {
  checkAttrs(ctx, el, ["emblem"]);
  const emblem = el.attrs.emblem ?? "placeholder";
  if (emblem !== "placeholder" && emblem !== "none") fail(ctx, el, `emblem must be "placeholder" or "none", not "${emblem}"`);
  const m: Masthead = { type: "masthead", emblem, organisation: "", symbol: "", organ: "", distribution: [] };
  for (const c of elements(ctx, el)) {
    if (c.name === "organisation") m.organisation = textOf(ctx, c);
    else if (c.name === "symbol") m.symbol = textOf(ctx, c);
    else if (c.name === "organ") m.organ = textOf(ctx, c);
    else if (c.name === "distribution") {
      checkAttrs(ctx, c, []);
      m.distribution = elements(ctx, c).map((ln) => {
        if (ln.name !== "line") fail(ctx, ln, `<distribution> holds <line> elements, not <${ln.name}>`);
        return textOf(ctx, ln);
      });
    } else fail(ctx, c, `<masthead> cannot hold <${c.name}> (it holds organisation, symbol, organ, distribution)`);
  }
  if (!m.symbol) fail(ctx, el, "<masthead> needs a <symbol>");
  return m;
}

function firstPageFooter(ctx: Ctx, el: MarkupElement): FirstPageFooter {
  checkAttrs(ctx, el, ["job-label", "barcode", "qr", "recycling"], ["job-label", "barcode", "qr"]);
  const recycling = el.attrs.recycling ?? "yes";
  if (recycling !== "yes" && recycling !== "no") fail(ctx, el, `recycling must be "yes" or "no"`);
  return { type: "firstPageFooter", jobLabel: el.attrs["job-label"], barcode: el.attrs.barcode, qr: el.attrs.qr, recyclingMark: recycling === "yes" };
}

function running(ctx: Ctx, el: MarkupElement): RunningParts {
  checkAttrs(ctx, el, ["header", "footer"], ["header", "footer"]);
  return { type: "runningParts", header: el.attrs.header, footer: el.attrs.footer };
}

export function markupToModel(root: MarkupElement, origin: string): Document {
  const ctx: Ctx = { origin };
  if (root.name !== "document") fail(ctx, root, `the root element must be <document>, not <${root.name}>`);
  checkAttrs(ctx, root, ["lang", "symbol", "title", "job"], ["lang", "symbol", "title", "job"]);
  let mast: Masthead | undefined;
  let footer: FirstPageFooter | undefined;
  let run: RunningParts | undefined;
  let body: Block[] | undefined;
  for (const c of elements(ctx, root)) {
    if (c.name === "masthead") mast = masthead(ctx, c);
    else if (c.name === "first-page-footer") footer = firstPageFooter(ctx, c);
    else if (c.name === "running") run = running(ctx, c);
    else if (c.name === "body") {
      checkAttrs(ctx, c, []);
      body = elements(ctx, c).map((b) => {
        const h = blockHandlers[b.name];
        if (!h) fail(ctx, b, `<${b.name}> is not a block element (blocks: ${Object.keys(blockHandlers).join(", ")})`);
        return h(ctx, b);
      });
    } else fail(ctx, c, `<document> cannot hold <${c.name}>`);
  }
  if (!mast) fail(ctx, root, "<document> needs a <masthead>");
  if (!footer) fail(ctx, root, "<document> needs a <first-page-footer>");
  if (!run) fail(ctx, root, "<document> needs a <running>");
  if (!body) fail(ctx, root, "<document> needs a <body>");
  return {
    type: "document",
    meta: { symbol: root.attrs.symbol, lang: root.attrs.lang, title: root.attrs.title, jobNumber: root.attrs.job },
    masthead: mast!,
    firstPageFooter: footer!,
    running: run!,
    body: body!,
  };
}
