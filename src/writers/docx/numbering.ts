/**
 * word/numbering.xml: the model's labels as Word numbering, so Word renumbers when a user inserts
 * a paragraph. Each list definition is an abstract numbering (w:abstractNum), each list a
 * numbering instance (w:num) of it, whose w:lvlOverride/w:startOverride say where it starts
 * (ECMA-376 Part 1 §17.9). Instances are numbered (w:numId) in the order the body first uses them,
 * after instance 1, a plain bullet list Word offers for new lists.
 *
 * - headings: one multi-level list, levels linked to the heading 1-4 styles (w:lvl/w:pStyle, and
 *   w:numPr in the styles), formats from doc.numbering (一. / I., A., 1., (a));
 * - numbered paragraphs: one list running through the document;
 * - lists: a definition per pair of level formats ((a) then (i), bullets ...), a new instance for
 *   each list, so every list starts again at (a).
 *
 * Where the model's number is not the one Word would show next (the data set it, or the
 * numbering was restarted), the paragraph opens a new instance that starts at the model's numbers:
 * Word counts each level on from where its instance started and starts a level again after any
 * higher level (lvlRestart's default), and this registry follows the same rule to know what Word
 * would show. Labels given as text by the data have no counter: they are written as text and a tab.
 * So are the labels of formats Word has no w:numFmt for (UN Arabic أولا - and ألف -,
 * model/numbering.ts): their level numbers nothing (numFmt "none") and the label is text.
 */
import { listRole, MAX_HEADING_DEPTH, type ParagraphRole } from "../../layout/roles.js";
import { labelText } from "../../model/numbering.js";
import type { Label, List, Numbering, NumberingLevel } from "../../model/types.js";
import { resolvedParagraph } from "../../style/style.js";
import type { DocxContext } from "./context.js";
import { labelledIndent } from "./geometry.js";
import { ROOTS } from "./namespaces.js";
import { indentElement, runProperties, tabsElement, type ParagraphIndent, type RunOptions } from "./paragraph.js";
import { labelFont } from "./runs.js";
import { PARAGRAPH_STYLES, slantsItalic } from "./styles.js";
import { halfPoints, twip } from "./units.js";
import { STANDALONE, val } from "./xml.js";

/** A paragraph's place in the numbering: a definition, its level (0-based) and which instance of it. */
export interface NumberingRef {
  reference: string;
  level: number;
  instance: number;
}

interface Level {
  def: NumberingLevel;
  role: ParagraphRole;
  /** the paragraph style the level is linked to (headings) */
  linkedStyle?: string;
}

/** The definition's levels and where each starts; the instance Word is numbering in, and what it has shown. */
interface Track {
  reference: string;
  instance: number;
  starts: number[];
  shown: (number | undefined)[];
}

/** One family of definitions (the same levels), its current list instance and the model's numbers. */
class Family {
  private track?: Track;
  private model: number[] = [];

  constructor(
    private readonly registry: NumberingRegistry,
    readonly base: string,
    readonly levels: Level[],
  ) {}

  /** The numbering of the next label at `level` (1-based) whose number is `value`. */
  next(level: number, value: number): NumberingRef {
    const k = level - 1;
    const t = this.track;
    const expected = t && (t.shown[k] === undefined ? t.starts[k] : t.shown[k]! + 1);
    if (!t || expected !== value) {
      // a new instance: the levels above start at the model's next numbers, this one at `value`
      const starts = this.levels.map((_, i) => (i < k ? (this.model[i] ?? 0) + 1 : i === k ? value : 1));
      const reference = this.registry.define(this, starts);
      this.track = { reference, instance: this.registry.nextInstance(reference), starts, shown: [] };
      this.firstKey ??= { reference, level: 0, instance: this.track.instance };
    }
    const track = this.track!;
    track.shown[k] = value;
    track.shown.length = level; // Word starts the deeper levels again
    this.model[k] = value;
    this.model.length = level;
    return { reference: track.reference, level: k, instance: track.instance };
  }

  /** the first instance a paragraph used (the heading styles link to it) */
  firstKey?: NumberingRef;
}

/** The model's formats Word cannot number (no ST_NumberFormat value): written as text. */
const TEXT_ONLY = new Set<NumberingLevel["format"]>(["arabicOrdinal", "arabicLetterName"]);

/** ST_NumberFormat: the model's formats are named as Word names them; "none" numbers nothing. */
const asFormat = (f: NumberingLevel["format"]): string => (TEXT_ONLY.has(f) ? "none" : f);

/** A level of a definition (w:lvl, §17.9.6). */
interface LevelDef {
  format: string;
  /** w:lvlText; "" writes none */
  text: string;
  start: number;
  /** the paragraph style linked to the level */
  style?: string;
  /** twips: the label's indents and the tab after it */
  indent: ParagraphIndent;
  tab: number;
  run: RunOptions;
}

interface Definition {
  reference: string;
  levels: LevelDef[];
}

/** w:lvl: start, numFmt, pStyle, suff, lvlText, lvlJc, pPr, rPr (CT_Lvl order, §17.9.6). */
function levelXml(l: LevelDef, i: number): string {
  const pPr = `<w:pPr>${tabsElement([{ type: "left", position: l.tab }])}${indentElement(l.indent)}</w:pPr>`;
  return (
    `<w:lvl w:ilvl="${i}" w:tentative="1"><w:start w:val="${l.start}"/>${val("w:numFmt", l.format)}${l.style ? val("w:pStyle", l.style) : ""}` +
    `<w:suff w:val="tab"/>${l.text ? val("w:lvlText", l.text) : ""}<w:lvlJc w:val="left"/>${pPr}${runProperties(l.run)}</w:lvl>`
  );
}

const abstractNum = (id: number, levels: string): string =>
  `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>${levels}</w:abstractNum>`;

const num = (numId: number, abstractNumId: number, starts: number[]): string =>
  `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractNumId}"/>${starts.map((s, i) => `<w:lvlOverride w:ilvl="${i}"><w:startOverride w:val="${s}"/></w:lvlOverride>`).join("")}</w:num>`;

/**
 * Instance 1 (abstract numbering 1): a bullet list of nine levels at half-inch steps, what Word
 * offers for a new bulleted list; no paragraph of undoc's uses it.
 */
const PLAIN_BULLETS = abstractNum(
  1,
  [..."●○■●○■●●●"].map((bullet, i) => `<w:lvl w:ilvl="${i}" w:tentative="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="${bullet}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>`).join(""),
);

export class NumberingRegistry {
  /** every definition a paragraph uses, in the order they were made (abstract numbering 2, 3, ...) */
  private readonly definitions: Definition[] = [];
  /** w:numId of each instance the body uses, by reference and instance */
  private readonly numIds = new Map<string, { numId: number; definition: number }>();
  private readonly instances = new Map<string, number>();
  private readonly families = new Map<string, Family>();
  private readonly familyOf = new Map<string, Family>();
  readonly headings: Family;
  readonly paragraphs: Family;

  constructor(
    private readonly ctx: DocxContext,
    private readonly numbering: Numbering,
  ) {
    const h = numbering.heading;
    this.headings = this.family(
      "heading",
      h.slice(0, MAX_HEADING_DEPTH).map((def, i) => {
        const role = `heading${i + 1}` as ParagraphRole;
        return { def, role, linkedStyle: PARAGRAPH_STYLES[role].id };
      }),
    );
    this.paragraphs = this.family("paragraph", numbering.paragraph.slice(0, 1).map((def) => ({ def, role: "numbered" as const })));
  }

  /**
   * The numbering of a label, or undefined for a label given as text (or one Word numbering cannot
   * reproduce): the caller writes those as text and a tab.
   */
  forLabel(label: Label): NumberingRef | undefined {
    const c = label.counter;
    if (!c) return undefined;
    const family = c.scheme === "heading" ? this.headings : c.scheme === "paragraph" ? this.paragraphs : undefined;
    if (!family || c.level > family.levels.length) return undefined;
    if (TEXT_ONLY.has(family.levels[c.level - 1].def.format)) return undefined;
    if (labelText(family.levels[c.level - 1].def, c.value) !== label.text) return undefined;
    return family.next(c.level, c.value);
  }

  /**
   * The numbering of each item of a list and of its nested lists, by item: a list definition per
   * pair of level formats, a new instance for every top-level list.
   */
  forList(list: List, parent?: NumberingLevel): Map<object, NumberingRef> {
    const out = new Map<object, NumberingRef>();
    const own = this.listLevel(list);
    if (!own) return out;
    const depth = Math.min(list.level, 2);
    const levels = depth === 1 ? [own, list.items.find((i) => i.sublist)?.sublist ? this.listLevel(list.items.find((i) => i.sublist)!.sublist!) : this.defaultListLevel(2)] : [parent ?? this.defaultListLevel(1), own];
    if (!levels[0] || !levels[1]) return out;
    const family = this.family(
      `list-${levels.map((l) => `${l!.format}${l!.text}`).join("-")}`,
      levels.map((def, i) => ({ def: def!, role: listRole(i + 1) })),
    );
    list.items.forEach((item) => {
      const c = item.label.counter;
      if (c && labelText(own, c.value) === item.label.text) out.set(item, family.next(depth, c.value));
      if (item.sublist) for (const [k, v] of this.forList(item.sublist, own)) out.set(k, v);
    });
    return out;
  }

  /** The level a list's labels follow (markup/to-model.ts gives lists their labels by the same rule), checked against them. */
  private listLevel(list: List): NumberingLevel | undefined {
    const first = list.items[0].label.text;
    const scheme = this.numbering.list[Math.min(list.level, this.numbering.list.length) - 1];
    const def: NumberingLevel = list.marker === "bullet" ? { format: "bullet", text: first } : { format: list.marker, text: scheme.format === "bullet" ? "%1." : scheme.text };
    if (TEXT_ONLY.has(def.format)) return undefined;
    return list.items.every((item) => item.label.counter && labelText(def, item.label.counter.value) === item.label.text) ? def : undefined;
  }

  private defaultListLevel(depth: number): NumberingLevel | undefined {
    const scheme = this.numbering.list[Math.min(depth, this.numbering.list.length) - 1];
    return scheme && (scheme.format === "bullet" ? { format: "bullet", text: "•" } : scheme);
  }

  private family(base: string, levels: Level[]): Family {
    let f = this.families.get(base);
    if (!f) this.families.set(base, (f = new Family(this, base, levels)));
    return f;
  }

  /** The definition of a family with these starts (the family's own when all start at 1). */
  define(family: Family, starts: number[]): string {
    const reference = starts.every((s) => s === 1) ? family.base : `${family.base}@${starts.join(".")}`;
    this.familyOf.set(reference, family);
    if (!this.definitions.some((d) => d.reference === reference)) {
      this.definitions.push({ reference, levels: family.levels.map((l, i) => this.level(l, i, starts[i])) });
    }
    return reference;
  }

  /** The role whose label geometry a numbering level carries. */
  roleOf(ref: NumberingRef): ParagraphRole | undefined {
    return this.familyOf.get(ref.reference)?.levels[ref.level]?.role;
  }

  nextInstance(reference: string): number {
    const n = this.instances.get(reference) ?? 0;
    this.instances.set(reference, n + 1);
    return n;
  }

  /** A level: its format and label text (%1 of the model is %<level> in Word), the label where the role's style puts it. */
  private level(l: Level, i: number, start: number): LevelDef {
    const p = resolvedParagraph(this.ctx.style, l.role);
    const { ind, tabs } = labelledIndent(p);
    const first = (ind.firstLineEm ?? 0) * p.size;
    const sample = labelText(l.def, 1);
    return {
      format: asFormat(l.def.format),
      text: l.def.format === "bullet" ? l.def.text : TEXT_ONLY.has(l.def.format) ? "" : l.def.text.replace(/%1/g, `%${i + 1}`),
      start,
      style: l.linkedStyle,
      indent: {
        left: twip((ind.leftEm ?? 0) * p.size),
        ...(first < 0 ? { hanging: twip(-first) } : { firstLine: twip(first), firstLineChars: Math.round((ind.firstLineEm ?? 0) * 100) }),
      },
      tab: twip(tabs[0].pos),
      // the label upright, in the role's weight and size, in the face the typesetter sets it in
      run: { fonts: labelFont(this.ctx, sample, p), bold: p.weight === "bold" || undefined, italic: p.italic && slantsItalic(this.ctx) ? false : undefined, size: halfPoints(p.size) },
    };
  }

  /**
   * The w:numId of an instance, given in the order the body's paragraphs first name them (the
   * caller writes the paragraphs in document order); 1 is the plain bullet list.
   */
  numId(ref: NumberingRef): number {
    const key = `${ref.reference}-${ref.instance}`;
    let n = this.numIds.get(key);
    if (!n) this.numIds.set(key, (n = { numId: this.numIds.size + 2, definition: this.definitions.findIndex((d) => d.reference === ref.reference) }));
    return n.numId;
  }

  /** word/numbering.xml: the abstract numberings (all w:abstractNum before any w:num, §17.9.17), then the instances. */
  part(): string {
    const abstracts = this.definitions.map((d, i) => abstractNum(i + 2, d.levels.map(levelXml).join(""))).join("");
    const instances = [...this.numIds.values()].map(({ numId, definition }) => num(numId, definition + 2, this.definitions[definition].levels.map((l) => l.start))).join("");
    return `${STANDALONE}${ROOTS.numbering}${PLAIN_BULLETS}${abstracts}${num(1, 1, [1])}${instances}</w:numbering>`;
  }
}
