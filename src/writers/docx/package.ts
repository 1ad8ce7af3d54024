/**
 * The finishing step: docx's zip -> a reproducible DOCX. docx 9 writes random font keys
 * (uniqueUuid), the current time in docProps/core.xml and current-time zip entries, and has no
 * element for some East Asian settings. This step unzips its output, edits a few parts with
 * string edits anchored on well-defined elements (w:embedTrueTypeFonts, w:compat, w:font,
 * dcterms:created/modified), puts the font subsets in place of docx's placeholders, and zips
 * again with fixed times and a stable order.
 */
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { placeholderIndex } from "./fonts.js";
import { esc } from "./units.js";
import { zipEntries } from "./zip.js";

export interface FinishOptions {
  date: Date;
  /** settings.xml additions (CT_Settings children), by the element they go before or after */
  settings: { afterEmbedTrueTypeFonts: string; beforeCompat: string; afterCompat: string };
  /** font table entries for fonts named but not embedded (embedFonts: false) */
  namedFonts: { name: string; cjk: boolean }[];
  /** the embedded faces (subsets), by the index their placeholder part names */
  faces: Uint8Array[];
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function finishPackage(zip: Uint8Array, o: FinishOptions): Uint8Array {
  const files = unzipSync(zip);
  const text = (path: string) => decoder.decode(files[path]);
  const put = (path: string, s: string) => (files[path] = encoder.encode(s));

  // docProps/core.xml: creation and modification time = the document's date, not "now".
  const iso = o.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  put(
    "docProps/core.xml",
    text("docProps/core.xml").replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`),
  );

  // word/settings.xml: the East Asian document settings docx has no option for.
  let settings = text("word/settings.xml");
  settings = insertAfter(settings, /<w:embedTrueTypeFonts(?: [^>]*)?\/>/, o.settings.afterEmbedTrueTypeFonts);
  settings = insertBefore(settings, "<w:compat>", o.settings.beforeCompat);
  settings = insertAfter(settings, "</w:compat>", o.settings.afterCompat);
  put("word/settings.xml", settings);

  fixFontTable(files, o);

  // Stable order: [Content_Types].xml first (as Word writes it), then docx's order.
  const names = Object.keys(files);
  const first = "[Content_Types].xml";
  const order = [first, ...names.filter((n) => n !== first)];
  return zipEntries(order.map((name) => ({ name, data: files[name] })), o.date);
}

function insertAfter(xml: string, anchor: string | RegExp, insert: string): string {
  if (!insert) return xml;
  const m = typeof anchor === "string" ? { index: xml.indexOf(anchor), 0: anchor } : anchor.exec(xml);
  if (!m || m.index < 0) throw new Error(`docx output changed: no ${String(anchor)} to insert after`);
  const end = m.index + m[0].length;
  return xml.slice(0, end) + insert + xml.slice(end);
}

function insertBefore(xml: string, anchor: string, insert: string): string {
  const i = xml.indexOf(anchor);
  if (i < 0) throw new Error(`docx output changed: no ${anchor} to insert before`);
  return xml.slice(0, i) + insert + xml.slice(i);
}

/** Obfuscation (ECMA-376 Part 1 §17.8.1): XOR the first 32 bytes with the key's 16 bytes, in reverse order. */
export function obfuscateFont(data: Uint8Array, guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, "");
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
  const out = data.slice();
  for (let i = 0; i < 32 && i < out.length; i++) out[i] ^= key[i % 16];
  return out;
}

/** A GUID derived from the content (SHA-256), so the same font gives the same key. */
function contentGuid(data: Uint8Array): string {
  const h = createHash("sha256").update(data).digest("hex").toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

interface EmbeddedPart {
  key: string;
  odttf: Uint8Array;
  sig?: string;
}
const parts = new WeakMap<Uint8Array, EmbeddedPart>();

/** A face's font part: obfuscated with a key derived from it (computed once per face subset). */
function embeddedPart(font: Uint8Array): EmbeddedPart {
  let p = parts.get(font);
  if (!p) {
    const key = contentGuid(font);
    parts.set(font, (p = { key, odttf: obfuscateFont(font, key), sig: fontSignature(font) }));
  }
  return p;
}

/** w:sig from the font's OS/2 table: the Unicode ranges and code pages it covers (Word matches fonts by them). */
function fontSignature(font: Uint8Array): string | undefined {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = v.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16;
    if (String.fromCharCode(font[rec], font[rec + 1], font[rec + 2], font[rec + 3]) !== "OS/2") continue;
    const os2 = v.getUint32(rec + 8);
    const hex = (off: number) => v.getUint32(os2 + off).toString(16).toUpperCase().padStart(8, "0");
    const version = v.getUint16(os2);
    const cp = version >= 1 ? [hex(78), hex(82)] : ["00000000", "00000000"];
    return `<w:sig w:usb0="${hex(42)}" w:usb1="${hex(46)}" w:usb2="${hex(50)}" w:usb3="${hex(54)}" w:csb0="${cp[0]}" w:csb1="${cp[1]}"/>`;
  }
  return undefined;
}

/**
 * word/fontTable.xml: for each embedded face, put the subset in place of docx's placeholder part,
 * obfuscated with a key derived from the font instead of docx's random w:fontKey, put the font's
 * own w:sig in place of docx's fixed one, and flag the face w:subsetted (it holds only the
 * document's glyphs). With embedding off, list the named fonts with their character set so Word
 * substitutes sensibly where they are missing.
 */
function fixFontTable(files: Record<string, Uint8Array>, o: FinishOptions): void {
  const tablePath = "word/fontTable.xml";
  const relsPath = "word/_rels/fontTable.xml.rels";
  let table = decoder.decode(files[tablePath]);
  const targets = new Map<string, string>();
  if (files[relsPath]) {
    for (const rel of decoder.decode(files[relsPath]).match(/<Relationship [^>]*>/g) ?? []) {
      const id = /Id="([^"]+)"/.exec(rel)?.[1];
      const target = /Target="([^"]+)"/.exec(rel)?.[1];
      if (id && target) targets.set(id, `word/${target.replace(/^\//, "").replace(/^word\//, "")}`);
    }
  }
  table = table.replace(/<w:font [^>]*>[\s\S]*?<\/w:font>/g, (font) => {
    let sig: string | undefined;
    font = font.replace(/<(w:embed(?:Regular|Bold|Italic|BoldItalic)) ([^>]*?)\/?>(?:<w:subsetted[^>]*\/>)?(?:<\/\1>)?/g, (_all, name: string, attrs: string) => {
      const id = /r:id="([^"]+)"/.exec(attrs)?.[1];
      const oldKey = /w:fontKey="\{([^}]+)\}"/.exec(attrs)?.[1];
      const path = id ? targets.get(id) : undefined;
      if (!id || !oldKey || !path || !files[path]) throw new Error(`docx output changed: cannot read embedded font ${id}`);
      const index = placeholderIndex(obfuscateFont(files[path], oldKey)); // XOR again = docx's input
      const font = index === undefined ? undefined : o.faces[index];
      if (!font) throw new Error(`docx output changed: ${path} is not an undoc font placeholder`);
      const part = embeddedPart(font);
      sig ??= part.sig;
      files[path] = part.odttf;
      return `<${name} r:id="${id}" w:fontKey="{${part.key}}" w:subsetted="1"/>`;
    });
    return sig ? font.replace(/<w:sig [^>]*\/>/, sig) : font;
  });
  if (o.namedFonts.length) {
    const entries = o.namedFonts
      .map((f) => `<w:font w:name="${esc(f.name)}"><w:charset w:val="${f.cjk ? "86" : "00"}"/><w:family w:val="${f.cjk ? "auto" : "roman"}"/><w:pitch w:val="variable"/></w:font>`)
      .join("");
    table = table.replace(/<w:fonts([^>]*)\/>/, "<w:fonts$1></w:fonts>").replace("</w:fonts>", `${entries}</w:fonts>`);
  }
  files[tablePath] = encoder.encode(table);
}
