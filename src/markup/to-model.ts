/**
 * Markup element tree -> document model. One handler per element; unknown elements and
 * attributes are errors, so a typo in a template is caught instead of silently dropped.
 */
import { UndocError } from "../errors.js";
import { Counters, labelText, NUMBER_FORMATS } from "../model/numbering.js";
import type {
  Align,
  Block,
  CellBlock,
  Document,
  FirstPageFooter,
  Inline,
  Label,
  List,
  ListItem,
  Masthead,
  Numbering,
  NumberingLevel,
  NumberingScheme,
  NumberFormat,
  Paragraph,
  RunningParts,
  Table,
  TableCell,
  TableColumn,
  TableRow,
} from "../model/types.js";
import type { MarkupElement, MarkupNode } from "./parse.js";

interface Ctx {
  origin: string;
  counters: Counters;
  /** footnotes numbered so far */
  footnotes: number;
  /** the bullet of bulleted lists */
  bullet: string;
}

function fail(ctx: Ctx, node: { line: number; column: number }, msg: string): never {
  throw new UndocError("MARKUP", msg, { file: ctx.origin, line: node.line, column: node.column },
    "see templates/README.md for the markup elements");
}

/**
 * The markup's vocabulary: every element and the attributes it takes (and must have). The checks
 * below read it, and tests/templates/markup-docs.test.ts holds templates/README.md to it, so the
 * documentation cannot drift from what the code accepts.
 */
export const MARKUP_ELEMENTS: Readonly<Record<string, { attributes: readonly string[]; required?: readonly string[] }>> = {
  document: { attributes: ["lang", "symbol", "title", "job"], required: ["lang", "symbol", "title", "job"] },
  masthead: { attributes: ["emblem"] },
  organisation: { attributes: [] },
  symbol: { attributes: [] },
  organ: { attributes: [] },
  distribution: { attributes: [] },
  line: { attributes: [] },
  "first-page-footer": { attributes: ["job-label", "barcode", "qr", "recycling"], required: ["job-label", "barcode", "qr"] },
  running: { attributes: ["header", "footer"], required: ["header", "footer"] },
  numbering: { attributes: ["bullet"] },
  scheme: { attributes: ["name"], required: ["name"] },
  level: { attributes: ["format", "text"], required: ["format", "text"] },
  body: { attributes: [] },
  title: { attributes: [] },
  heading: { attributes: ["level", "number", "label"] },
  p: { attributes: ["indent", "number", "label"] },
  list: { attributes: ["marker"] },
  item: { attributes: [] },
  table: { attributes: [] },
  caption: { attributes: [] },
  columns: { attributes: [] },
  col: { attributes: ["width", "align"] },
  header: { attributes: [] },
  row: { attributes: [] },
  cell: { attributes: ["span"] },
  quote: { attributes: [] },
  signature: { attributes: [] },
  "page-break": { attributes: [] },
  "end-rule": { attributes: [] },
  "restart-numbering": { attributes: ["scheme"], required: ["scheme"] },
  b: { attributes: [] },
  i: { attributes: [] },
  note: { attributes: [] },
};

function checkAttrs(
  ctx: Ctx,
  el: MarkupElement,
  allowed: readonly string[] = Object.hasOwn(MARKUP_ELEMENTS, el.name) ? MARKUP_ELEMENTS[el.name].attributes : [],
  required: readonly string[] = (Object.hasOwn(MARKUP_ELEMENTS, el.name) && MARKUP_ELEMENTS[el.name].required) || [],
): void {
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

/** Inline elements (b, i, note) nest at most this deep: deeper is a template or data mistake, and unbounded nesting would exhaust the stack. */
export const MAX_INLINE_DEPTH = 32;

function inlines(ctx: Ctx, nodes: MarkupNode[], inNote = false, depth = 0): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    if (n.kind === "text") {
      const v = collapse(n.value);
      if (v) out.push({ type: "text", value: v });
      continue;
    }
    checkAttrs(ctx, n);
    if (depth >= MAX_INLINE_DEPTH) fail(ctx, n, `inline elements nest more than ${MAX_INLINE_DEPTH} deep`);
    if (n.name === "b") out.push({ type: "strong", children: inlines(ctx, n.children, inNote, depth + 1) });
    else if (n.name === "i") out.push({ type: "emphasis", children: inlines(ctx, n.children, inNote, depth + 1) });
    else if (n.name === "note") {
      if (inNote) fail(ctx, n, "a footnote cannot hold another footnote");
      out.push(footnote(ctx, n));
    } else fail(ctx, n, `<${n.name}> is not an inline element (inline elements: b, i, note)`);
  }
  return out;
}

/** <note>: inline text (one paragraph) or <p> elements; numbered in document order. */
function footnote(ctx: Ctx, el: MarkupElement): Inline {
  const blocks = el.children.some((c) => c.kind === "element" && c.name === "p");
  const paragraphs = blocks
    ? elements(ctx, el).map((p) => {
        if (p.name !== "p") fail(ctx, p, `<note> holds inline text or <p> elements, not <${p.name}>`);
        checkAttrs(ctx, p, []); // a footnote's paragraphs take no numbers or indents
        return blockInlines(ctx, p, true);
      })
    : [blockInlines(ctx, el, true)];
  if (paragraphs.every((p) => p.length === 0)) fail(ctx, el, "<note> is empty");
  ctx.footnotes += 1;
  return { type: "footnote", label: String(ctx.footnotes), paragraphs };
}

/** Inline content of a block with its outer white space trimmed. */
function blockInlines(ctx: Ctx, el: MarkupElement, inNote = false): Inline[] {
  const out = inlines(ctx, el.children, inNote);
  trimEdge(out, "start");
  trimEdge(out, "end");
  return out;
}

function trimEdge(list: Inline[], edge: "start" | "end"): void {
  while (list.length) {
    const n = edge === "start" ? list[0] : list[list.length - 1];
    if (n.type === "footnote") return;
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
  checkAttrs(ctx, el);
  let s = "";
  for (const c of el.children) {
    if (c.kind !== "text") fail(ctx, c, `<${el.name}> takes plain text only`);
    else s += c.value;
  }
  return collapse(s).trim();
}

/**
 * A label from the numbering attributes: number="auto" counts on, number="7" sets the count
 * (the next ones go on from there), label="..." prints the text as it is (no counter).
 */
function labelFrom(ctx: Ctx, el: MarkupElement, scheme: NumberingScheme, depth: number): Label | undefined {
  const { number, label } = el.attrs;
  if (label !== undefined && number !== undefined) fail(ctx, el, `<${el.name}> takes number or label, not both`);
  if (label !== undefined) {
    const text = collapse(label).trim();
    if (!text) fail(ctx, el, "label must not be empty");
    return { text };
  }
  if (number === undefined || number === "none") return undefined;
  if (number === "auto") return ctx.counters.next(scheme, depth);
  if (!/^[1-9]\d{0,5}$/.test(number)) fail(ctx, el, `number must be "auto", "none" or a whole number from 1, not "${number}"`);
  return ctx.counters.next(scheme, depth, Number(number));
}

function level(ctx: Ctx, el: MarkupElement, max: number): number {
  const v = el.attrs.level ?? "1";
  if (!/^\d$/.test(v) || Number(v) < 1 || Number(v) > max) fail(ctx, el, `level must be a whole number from 1 to ${max}, not "${v}"`);
  return Number(v);
}

type BlockHandler = (ctx: Ctx, el: MarkupElement) => Block | undefined;

const MAX_HEADING_LEVEL = 4;
const MAX_LIST_LEVEL = 2;
const ALIGNS = ["start", "center", "end", "justify"] as const;

/**
 * Paragraphs and lists: what table cells and quotations hold. In a table cell paragraphs have no
 * first-line indent unless they ask for one; in a quotation the quotation style decides.
 */
function cellBlocks(ctx: Ctx, el: MarkupElement, defaultIndent?: "none"): CellBlock[] {
  const hasBlocks = el.children.some((c) => c.kind === "element" && (c.name === "p" || c.name === "list"));
  if (!hasBlocks) {
    const children = blockInlines(ctx, el);
    return children.length ? [{ type: "paragraph", ...(defaultIndent ? { indent: defaultIndent } : {}), children }] : [];
  }
  return elements(ctx, el).map((c) => {
    if (c.name === "p") return paragraph(ctx, c, defaultIndent);
    if (c.name === "list") return list(ctx, c, 1);
    return fail(ctx, c, `<${el.name}> holds inline text, or <p> and <list> elements, not <${c.name}>`);
  });
}

function paragraph(ctx: Ctx, el: MarkupElement, defaultIndent?: "none"): Paragraph {
  checkAttrs(ctx, el);
  const indent = el.attrs.indent ?? defaultIndent;
  if (indent !== undefined && indent !== "none" && indent !== "first-line") fail(ctx, el, `indent must be "none" or "first-line", not "${indent}"`);
  const label = labelFrom(ctx, el, "paragraph", 1);
  return { type: "paragraph", ...(indent ? { indent } : {}), ...(label ? { label } : {}), children: blockInlines(ctx, el) };
}

/**
 * <list marker="bullet|auto|lowerLetter|..."> of <item>s; an item holds inline text and may end
 * with a nested <list>. "auto" takes the list numbering's format at the list's depth.
 */
function list(ctx: Ctx, el: MarkupElement, depth: number): List {
  checkAttrs(ctx, el);
  if (depth > MAX_LIST_LEVEL) fail(ctx, el, `lists nest at most ${MAX_LIST_LEVEL} levels deep`);
  const given = el.attrs.marker ?? "bullet";
  if (given !== "auto" && !NUMBER_FORMATS.includes(given as NumberFormat)) {
    fail(ctx, el, `list marker must be "auto" or one of ${NUMBER_FORMATS.join(", ")}, not "${given}"`);
  }
  const levelDef = ctx.counters.level("list", depth);
  const marker = given === "auto" ? levelDef.format : (given as NumberFormat);
  // a marker given by name keeps the scheme's text around the number ("(%1)"), or the bullet itself
  const def: NumberingLevel = marker === "bullet" ? { format: "bullet", text: ctx.bullet } : { format: marker, text: levelDef.format === "bullet" ? "%1." : levelDef.text };
  const items = elements(ctx, el).map((it, i): ListItem => {
    if (it.name !== "item") fail(ctx, it, `<list> holds <item> elements, not <${it.name}>`);
    checkAttrs(ctx, it);
    const nested = it.children.filter((c): c is MarkupElement => c.kind === "element" && c.name === "list");
    if (nested.length > 1) fail(ctx, nested[1], "an <item> holds at most one nested <list>");
    const last = it.children.filter((c) => c.kind === "element" || c.value.trim() !== "").pop();
    if (nested.length && last !== nested[0]) fail(ctx, nested[0], "a nested <list> must come last in its <item>");
    const inlineNodes = it.children.filter((c) => !(c.kind === "element" && c.name === "list"));
    const children = blockInlines(ctx, { ...it, children: inlineNodes });
    const label: Label = { text: labelText(def, i + 1), counter: { scheme: "list", level: depth, value: i + 1 } };
    return { type: "listItem", label, children, ...(nested.length ? { sublist: list(ctx, nested[0], depth + 1) } : {}) };
  });
  if (items.length === 0) fail(ctx, el, "<list> needs at least one <item>");
  return { type: "list", marker, level: depth, items };
}

/** A column width: "30%" (a share of the table's width) or "auto". */
function columnWidth(ctx: Ctx, el: MarkupElement): number | undefined {
  const w = el.attrs.width ?? "auto";
  if (w === "auto") return undefined;
  const m = /^(\d{1,3}(?:\.\d+)?)%$/.exec(w);
  if (!m || Number(m[1]) <= 0 || Number(m[1]) > 100) fail(ctx, el, `width must be "auto" or a percentage such as "30%", not "${w}"`);
  return Number(m![1]) / 100;
}

function row(ctx: Ctx, el: MarkupElement): TableRow {
  if (el.name !== "row") fail(ctx, el, `table rows are <row> elements, not <${el.name}>`);
  checkAttrs(ctx, el);
  const cells = elements(ctx, el).map((c): TableCell => {
    if (c.name !== "cell") fail(ctx, c, `<row> holds <cell> elements, not <${c.name}>`);
    checkAttrs(ctx, c);
    const span = c.attrs.span;
    if (span !== undefined && !/^[1-9]\d?$/.test(span)) fail(ctx, c, `span must be a whole number from 1, not "${span}"`);
    return { type: "tableCell", blocks: cellBlocks(ctx, c, "none"), ...(span && span !== "1" ? { span: Number(span) } : {}) };
  });
  if (!cells.length) fail(ctx, el, "<row> needs at least one <cell>");
  return { type: "tableRow", cells };
}

function table(ctx: Ctx, el: MarkupElement): Table {
  checkAttrs(ctx, el);
  let caption: Inline[] | undefined;
  let columns: TableColumn[] | undefined;
  const header: TableRow[] = [];
  const rows: TableRow[] = [];
  for (const c of elements(ctx, el)) {
    if (c.name === "caption") {
      checkAttrs(ctx, c);
      caption = blockInlines(ctx, c);
    } else if (c.name === "columns") {
      checkAttrs(ctx, c);
      columns = elements(ctx, c).map((col) => {
        if (col.name !== "col") fail(ctx, col, `<columns> holds <col> elements, not <${col.name}>`);
        checkAttrs(ctx, col);
        const align = col.attrs.align ?? "start";
        if (!(ALIGNS as readonly string[]).includes(align)) fail(ctx, col, `align must be one of ${ALIGNS.join(", ")}, not "${align}"`);
        return { ...(columnWidth(ctx, col) !== undefined ? { width: columnWidth(ctx, col) } : {}), align: align as Align };
      });
    } else if (c.name === "header") {
      checkAttrs(ctx, c);
      header.push(...elements(ctx, c).map((r) => row(ctx, r)));
    } else if (c.name === "row") rows.push(row(ctx, c));
    else fail(ctx, c, `<table> holds <caption>, <columns>, <header> and <row> elements, not <${c.name}>`);
  }
  const width = Math.max(...[...header, ...rows].map((r) => r.cells.reduce((n, cell) => n + (cell.span ?? 1), 0)), 0);
  if (width === 0) fail(ctx, el, "<table> needs at least one <row>");
  for (const r of [...header, ...rows]) {
    const n = r.cells.reduce((k, cell) => k + (cell.span ?? 1), 0);
    if (n !== width) fail(ctx, el, `every row of a table must fill its ${width} columns (one row fills ${n})`);
  }
  if (columns && columns.length !== width) fail(ctx, el, `<columns> describes ${columns.length} columns, the rows have ${width}`);
  columns ??= Array.from({ length: width }, () => ({ align: "start" as Align }));
  const shares = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  if (shares > 1 + 1e-9) fail(ctx, el, `the column widths add up to ${Math.round(shares * 100)}%, more than the table`);
  return { type: "table", ...(caption ? { caption } : {}), columns, header, rows };
}

const blockHandlers: Record<string, BlockHandler> = {
  title: (ctx, el) => (checkAttrs(ctx, el), { type: "heading", role: "title", level: 1, children: blockInlines(ctx, el) }),
  heading: (ctx, el) => {
    checkAttrs(ctx, el);
    const depth = level(ctx, el, MAX_HEADING_LEVEL);
    const label = labelFrom(ctx, el, "heading", depth);
    return { type: "heading", role: "section", level: depth, ...(label ? { label } : {}), children: blockInlines(ctx, el) };
  },
  p: (ctx, el) => paragraph(ctx, el),
  list: (ctx, el) => list(ctx, el, 1),
  table,
  quote: (ctx, el) => {
    checkAttrs(ctx, el);
    const blocks = cellBlocks(ctx, el);
    if (!blocks.length) fail(ctx, el, "<quote> is empty");
    return { type: "quote", blocks };
  },
  signature: (ctx, el) => {
    checkAttrs(ctx, el);
    const lines = elements(ctx, el).map((ln) => {
      if (ln.name !== "line") fail(ctx, ln, `<signature> holds <line> elements, not <${ln.name}>`);
      checkAttrs(ctx, ln);
      return blockInlines(ctx, ln);
    });
    return { type: "signature", lines };
  },
  "page-break": (ctx, el) => (checkAttrs(ctx, el), { type: "pageBreak" }),
  "end-rule": (ctx, el) => (checkAttrs(ctx, el), { type: "endRule" }),
  // a marker, not a block: the next numbered paragraph (or heading) of the scheme starts at 1 again
  "restart-numbering": (ctx, el) => {
    checkAttrs(ctx, el);
    const scheme = el.attrs.scheme;
    if (scheme !== "paragraph" && scheme !== "heading") fail(ctx, el, `scheme must be "paragraph" or "heading", not "${scheme}"`);
    ctx.counters.restart(scheme as NumberingScheme);
    return undefined;
  },
};

/** Numbering schemes when the template gives none (the English forms of the UN editorial manual). */
export const DEFAULT_NUMBERING: Numbering = {
  heading: [
    { format: "upperRoman", text: "%1." },
    { format: "upperLetter", text: "%1." },
    { format: "decimal", text: "%1." },
    { format: "lowerLetter", text: "(%1)" },
  ],
  paragraph: [{ format: "decimal", text: "%1." }],
  list: [
    { format: "lowerLetter", text: "(%1)" },
    { format: "lowerRoman", text: "(%1)" },
  ],
};

/** <numbering bullet="•"><scheme name="heading"><level format="chineseCounting" text="%1."/>...</scheme>...</numbering> */
function numbering(ctx: Ctx, el: MarkupElement): Numbering {
  checkAttrs(ctx, el);
  if (el.attrs.bullet !== undefined) {
    if (!el.attrs.bullet.trim()) fail(ctx, el, "bullet must not be empty");
    ctx.bullet = el.attrs.bullet.trim();
  }
  const out: Numbering = { ...DEFAULT_NUMBERING };
  for (const s of elements(ctx, el)) {
    if (s.name !== "scheme") fail(ctx, s, `<numbering> holds <scheme> elements, not <${s.name}>`);
    checkAttrs(ctx, s);
    const name = s.attrs.name;
    if (!(name in DEFAULT_NUMBERING)) fail(ctx, s, `scheme name must be one of ${Object.keys(DEFAULT_NUMBERING).join(", ")}, not "${name}"`);
    const levels = elements(ctx, s).map((l): NumberingLevel => {
      if (l.name !== "level") fail(ctx, l, `<scheme> holds <level> elements, not <${l.name}>`);
      checkAttrs(ctx, l);
      const format = l.attrs.format as NumberFormat;
      if (!NUMBER_FORMATS.includes(format)) fail(ctx, l, `format must be one of ${NUMBER_FORMATS.join(", ")}, not "${l.attrs.format}"`);
      if (format !== "bullet" && !l.attrs.text.includes("%1")) fail(ctx, l, `text must contain %1 where the number goes, e.g. "%1." (found "${l.attrs.text}")`);
      return { format, text: l.attrs.text };
    });
    if (!levels.length) fail(ctx, s, "<scheme> needs at least one <level>");
    out[name as NumberingScheme] = levels;
  }
  return out;
}

function masthead(ctx: Ctx, el: MarkupElement): Masthead {
  checkAttrs(ctx, el);
  const emblem = el.attrs.emblem ?? "placeholder";
  if (emblem !== "placeholder" && emblem !== "none") fail(ctx, el, `emblem must be "placeholder" or "none", not "${emblem}"`);
  const m: Masthead = { type: "masthead", emblem, organisation: "", symbol: "", organ: "", distribution: [] };
  for (const c of elements(ctx, el)) {
    if (c.name === "organisation") m.organisation = textOf(ctx, c);
    else if (c.name === "symbol") m.symbol = textOf(ctx, c);
    else if (c.name === "organ") m.organ = textOf(ctx, c);
    else if (c.name === "distribution") {
      checkAttrs(ctx, c);
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
  checkAttrs(ctx, el);
  const recycling = el.attrs.recycling ?? "yes";
  if (recycling !== "yes" && recycling !== "no") fail(ctx, el, `recycling must be "yes" or "no"`);
  return { type: "firstPageFooter", jobLabel: el.attrs["job-label"], barcode: el.attrs.barcode, qr: el.attrs.qr, recyclingMark: recycling === "yes" };
}

function running(ctx: Ctx, el: MarkupElement): RunningParts {
  checkAttrs(ctx, el);
  return { type: "runningParts", header: el.attrs.header, footer: el.attrs.footer };
}

export function markupToModel(root: MarkupElement, origin: string): Document {
  const ctx: Ctx = { origin, counters: new Counters(DEFAULT_NUMBERING), footnotes: 0, bullet: "•" };
  let numberingDef = DEFAULT_NUMBERING;
  if (root.name !== "document") fail(ctx, root, `the root element must be <document>, not <${root.name}>`);
  checkAttrs(ctx, root);
  let mast: Masthead | undefined;
  let footer: FirstPageFooter | undefined;
  let run: RunningParts | undefined;
  let body: Block[] | undefined;
  for (const c of elements(ctx, root)) {
    if (c.name === "masthead") mast = masthead(ctx, c);
    else if (c.name === "first-page-footer") footer = firstPageFooter(ctx, c);
    else if (c.name === "running") run = running(ctx, c);
    else if (c.name === "numbering") {
      if (body) fail(ctx, c, "<numbering> must come before <body>");
      numberingDef = numbering(ctx, c);
      ctx.counters = new Counters(numberingDef);
    } else if (c.name === "body") {
      checkAttrs(ctx, c);
      body = [];
      for (const b of elements(ctx, c)) {
        const h = Object.hasOwn(blockHandlers, b.name) ? blockHandlers[b.name] : undefined;
        if (!h) fail(ctx, b, `<${b.name}> is not a block element (blocks: ${Object.keys(blockHandlers).join(", ")})`);
        const block = h!(ctx, b);
        if (block) body.push(block);
      }
    } else fail(ctx, c, `<document> cannot hold <${c.name}>`);
  }
  if (!mast) fail(ctx, root, "<document> needs a <masthead>");
  if (!footer) fail(ctx, root, "<document> needs a <first-page-footer>");
  if (!run) fail(ctx, root, "<document> needs a <running>");
  if (!body) fail(ctx, root, "<document> needs a <body>");
  return {
    type: "document",
    meta: { symbol: root.attrs.symbol, lang: root.attrs.lang, title: root.attrs.title, jobNumber: root.attrs.job },
    numbering: numberingDef,
    masthead: mast!,
    firstPageFooter: footer!,
    running: run!,
    body: body!,
  };
}
