/**
 * Which fonts the DOCX names and embeds (--docx-fonts), decided from what a Word or LibreOffice
 * user does with the file: edit it.
 *
 * Measured with LibreOffice 7.4 (README, "The Word file"): an embedded face shadows an installed
 * face of the same family name, and characters the embedded face lacks are then drawn blank, even
 * when the installed face has them; an embedded face whose family no installed face has gets
 * LibreOffice's ordinary glyph fallback for the characters it lacks. Word falls back to a font of
 * the same kind (w:charset, w:panose1, w:sig) for characters an embedded subset lacks. So:
 *
 * - `editable` (default): the Latin faces whole and unchanged (Liberation Serif: 0.4 MB each, any
 *   Latin, Greek or Cyrillic text a user types has its glyph); the Chinese faces as subsets of the
 *   document's characters (the whole faces are 10-16 MB) under a family name of their own
 *   ("undoc serif-sc 1A2B3C"), so they never shadow an installed face and new Chinese text falls
 *   back to the system's Chinese fonts;
 * - `full`: every face whole: typing works on machines with no Chinese font at all (23 MB);
 * - `subset`: every face a renamed subset: the smallest file, for reading;
 * - `none`: nothing embedded; the faces UN offices have are named (SimSun, SimHei, Times New Roman).
 *
 * Every face of a variant gets all the code points set in that variant (Word and LibreOffice may
 * give neutral characters such as digits, brackets and quotes to either the East Asian or the Latin
 * font); the code points come from layout/roles.ts textPieces, the text every writer draws.
 */
import { createHash } from "node:crypto";
import { faceIdsFor } from "../../fonts/face-set.js";
import { fontManifest, type Face } from "../../fonts/registry.js";
import { hasGlyph } from "../../fonts/shape.js";
import { textPieces, type TextPiece } from "../../layout/roles.js";
import type { Document } from "../../model/types.js";
import type { Style } from "../../style/style.js";
import { VARIANTS, variantOf, type FaceSet, type Variant } from "../../typeset/index.js";
import { clusterize } from "../../typeset/units.js";
import { standaloneSubsetTables } from "../../fonts/font-subset.js";
import { sfntFile } from "../../fonts/pdf-subset.js";
import type { RunFontNames } from "./props.js";
import { fontSignature, panose, renamedNames } from "./sfnt.js";
import { slotOf } from "./slots.js";

import type { DocxFontMode } from "../../render/docx-fonts.js";

export { DOCX_FONT_MODES, type DocxFontMode } from "../../render/docx-fonts.js";

/** Fonts named when nothing is embedded (mode `none`). */
export interface SystemFonts {
  cjk: string;
  cjkBold: string;
  latin: string;
  /** the Chinese face of emphasis, when the style has a face of its own for it (default KaiTi) */
  cjkItalic?: string;
}

export const DEFAULT_SYSTEM_FONTS: Required<SystemFonts> = { cjk: "SimSun", cjkBold: "SimHei", latin: "Times New Roman", cjkItalic: "KaiTi" };

/** A member of an embedded family: w:embedRegular, w:embedBold, w:embedItalic or w:embedBoldItalic (§17.8.3.3). */
export type MemberSlot = "regular" | "bold" | "italic" | "boldItalic";

export interface EmbeddedMember {
  slot: MemberSlot;
  /** the TrueType font as it goes into the package, before obfuscation */
  data: Uint8Array;
  subsetted: boolean;
}

export interface FontTableEntry {
  name: string;
  cjk: boolean;
  panose?: string;
  sig?: ReturnType<typeof fontSignature>;
  members: EmbeddedMember[];
}

export interface FontPlan {
  /** the font names runs and styles use, by variant */
  names: Record<Variant, RunFontNames>;
  /** word/fontTable.xml: every font named, with its embedded members */
  table: FontTableEntry[];
  mode: DocxFontMode;
}

/** Code points the document sets in each variant (furniture and page numbers included). */
export function codePointsByVariant(doc: Document, style: Style, pieces: TextPiece[] = textPieces(doc, style)): Record<Variant, Set<number>> {
  const out = Object.fromEntries(VARIANTS.map((v) => [v, new Set<number>()])) as Record<Variant, Set<number>>;
  for (const piece of pieces) {
    for (const span of piece.spans) {
      const set = out[variantOf(span.weight, span.italic)];
      for (const ch of span.text) {
        const cp = ch.codePointAt(0)!;
        if (cp >= 0x20) set.add(cp);
      }
    }
  }
  out.regular.add(0x20);
  return out;
}

/** The faces (by script) each variant sets some character in: a face that sets nothing is not embedded. */
function scriptsUsed(doc: Document, pieces: TextPiece[], faces: FaceSet): Record<Variant, Set<"cjk" | "latin">> {
  const out = Object.fromEntries(VARIANTS.map((v) => [v, new Set<"cjk" | "latin">()])) as Record<Variant, Set<"cjk" | "latin">>;
  for (const piece of pieces) {
    for (const span of piece.spans) {
      const v = variantOf(span.weight, span.italic);
      const used = out[v];
      if (used.size === 2) continue; // both faces of the variant already: nothing left to learn
      for (const c of clusterize(span.text)) {
        if (c.text.trim()) used.add(slotOf(c.text, faces[v], span, doc.meta.lang));
        if (used.size === 2) break;
      }
    }
  }
  out.regular.add("latin"); // the spaces and tabs of every paragraph
  return out;
}

/** The code points of `codePoints` a face has, in order: what its subset keeps. */
function keptCodePoints(face: Face, codePoints: Set<number>): number[] {
  return [...codePoints].filter((cp) => hasGlyph(face, cp)).sort((a, b) => a - b);
}

const subsetKey = (face: Face, codePoints: Set<number>) => `${face.id}\u0000${String.fromCodePoint(...keptCodePoints(face, codePoints))}`;

const subsets = new Map<string, Uint8Array>();
/** Subsets kept per process (a long-running watch or batch sees many documents). */
const SUBSET_CACHE_SIZE = 64;

/** A face cut down to the code points it has of `codePoints` and renamed (`family.name`), computed once per process. */
export function renamedSubset(face: Face, codePoints: Set<number>, family: SubsetFamily): Uint8Array {
  const key = `${subsetKey(face, codePoints)}\u0000${family.name}`;
  let data = subsets.get(key);
  if (!data) {
    if (subsets.size >= SUBSET_CACHE_SIZE) subsets.delete(subsets.keys().next().value!);
    subsets.set(key, (data = renamedSubsetOf(face, keptCodePoints(face, codePoints), family.name, `undoc-${face.id}-${family.tag}`)));
  }
  return data;
}

/**
 * A face's subset, cut from the tables the registry read (the same ones the PDF's subsets come
 * from), with its name table renamed before the file is written: the same bytes as
 * renamedFont(standaloneSubset(...)), written once.
 */
function renamedSubsetOf(face: Face, codePoints: number[], family: string, postscript: string): Uint8Array {
  if (!face.sfnt) throw new Error(`face ${face.id} has no tables to subset`);
  const tables = standaloneSubsetTables(face.sfnt, codePoints);
  const name = tables.find(([tag]) => tag === "name");
  if (!name) throw new Error("font has no name table");
  name[1] = renamedNames(name[1], family, postscript);
  return sfntFile("\x00\x01\x00\x00", tables, true);
}

export interface SubsetFamily {
  name: string;
  tag: string;
}

/**
 * The family name of a family's subsets: "undoc", the face id and a hash of the members and their
 * code points ("undoc serif-sc 3BAD88"), so no installed face has it and two documents with
 * different subsets do not share it (LibreOffice would take one document's subset for the
 * other's text). It never takes the face's own family name: the OFL reserves some of them for
 * unmodified fonts (Liberation, LXGW), and a subset is a modified font.
 */
function subsetFamily(members: [Face, Set<number>][]): SubsetFamily {
  const key = members.map(([face, cps]) => subsetKey(face, cps)).sort().join("\u0001");
  const tag = createHash("sha256").update(key).digest("hex").slice(0, 6).toUpperCase();
  // the family's name from its shortest face id: "latin" for latin, latin-bold and latin-italic
  const id = members.map(([face]) => face.id).sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
  return { name: `undoc ${id} ${tag}`, tag };
}

function memberSlot(face: Face): MemberSlot {
  const bold = face.weight >= 600;
  if (face.style === "italic") return bold ? "boldItalic" : "italic";
  return bold ? "bold" : "regular";
}

/** Whether a face goes in whole (else as a renamed subset) in a mode: "editable" keeps the alphabetic faces (Latin, Arabic) whole. */
function embedsWhole(mode: DocxFontMode, face: Face): boolean {
  return mode === "full" || (mode === "editable" && face.script !== "cjk");
}

export function fontPlan(doc: Document, style: Style, faces: FaceSet, mode: DocxFontMode, system: SystemFonts = DEFAULT_SYSTEM_FONTS): FontPlan {
  if (mode === "none") return namedFontPlan(faces, { ...DEFAULT_SYSTEM_FONTS, ...system });
  const pieces = textPieces(doc, style); // the document's text, walked once for both
  const cps = codePointsByVariant(doc, style, pieces);
  const scripts = scriptsUsed(doc, pieces, faces);
  // every face the document sets text in, with the code points of the variants it is used in
  const used = new Map<Face, Set<number>>();
  for (const v of VARIANTS) {
    if (!cps[v].size) continue; // a variant the document never sets loads no face
    for (const face of [...scripts[v]].map((s) => faces[v][s])) {
      const set = used.get(face) ?? new Set<number>();
      for (const cp of cps[v]) set.add(cp);
      used.set(face, set);
    }
  }
  // faces by family: a family's members share one name in the package (w:b finds its bold member)
  const families = new Map<string, [Face, Set<number>][]>();
  for (const [face, set] of used) families.set(face.family, [...(families.get(face.family) ?? []), [face, set]]);
  const nameOf = new Map<string, string>(); // face id -> family name in the package
  const entries: FontTableEntry[] = [];
  for (const [family, members] of families) {
    const whole = members.map(([face]) => embedsWhole(mode, face));
    const subset = whole.every(Boolean) ? undefined : subsetFamily(members.filter((_, i) => !whole[i]));
    const name = subset?.name ?? family;
    const entry: FontTableEntry = { name, cjk: members[0][0].script === "cjk", members: [] };
    members.forEach(([face, set], i) => {
      nameOf.set(face.id, name);
      const data = whole[i] ? (face.bytes as Uint8Array) : renamedSubset(face, set, subset!);
      entry.panose ??= panose(data);
      entry.sig ??= fontSignature(data);
      const slot = memberSlot(face);
      if (!entry.members.some((m) => m.slot === slot)) entry.members.push({ slot, data, subsetted: !whole[i] });
    });
    entries.push(entry);
  }
  // a variant the document never sets is still named by the styles (a user may apply them): by
  // its faces' ids, so its faces are not loaded just for their names
  const nameFor = (id: string) => nameOf.get(id) ?? fontManifest().find((f) => f.id === id)?.family ?? id;
  const names = Object.fromEntries(
    VARIANTS.map((v) => {
      const ids = cps[v].size ? { latin: faces[v].latin.id, cjk: faces[v].cjk.id } : faceIdsFor(style, v);
      return [v, { latin: nameFor(ids.latin), cjk: nameFor(ids.cjk) }];
    }),
  ) as Record<Variant, RunFontNames>;
  return { names, table: entries, mode };
}

/** Mode `none`: the system fonts by variant, and font table entries that tell Word what kind of font each is. */
function namedFontPlan(faces: FaceSet, system: Required<SystemFonts>): FontPlan {
  const kai = faces.italic.cjk !== faces.regular.cjk;
  const names: Record<Variant, RunFontNames> = {
    regular: { latin: system.latin, cjk: system.cjk },
    bold: { latin: system.latin, cjk: system.cjkBold },
    italic: { latin: system.latin, cjk: kai ? system.cjkItalic : system.cjk },
    boldItalic: { latin: system.latin, cjk: faces.boldItalic.cjk !== faces.bold.cjk ? system.cjkItalic : system.cjkBold },
  };
  const table = new Map<string, FontTableEntry>();
  for (const v of VARIANTS) {
    table.set(names[v].cjk, table.get(names[v].cjk) ?? { name: names[v].cjk, cjk: true, members: [] });
    table.set(names[v].latin, table.get(names[v].latin) ?? { name: names[v].latin, cjk: false, members: [] });
  }
  return { names, table: [...table.values()], mode: "none" };
}
