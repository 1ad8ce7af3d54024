/**
 * word/fontTable.xml, its relationships and the embedded font parts (ECMA-376 Part 1 §17.8.3):
 * `part` (the font table), `relationships` and `files` (each face and the key it is obfuscated
 * with, §17.8.1).
 *
 * Each key is derived from the face's bytes (the same face, the same key: the same input gives the
 * same bytes), each font carries its own signature and PANOSE (Word chooses a substitute of the
 * same kind by them), its character set and family, so Word and LibreOffice treat a missing face
 * sensibly.
 */
import { createHash } from "node:crypto";
import type { FontTableEntry, MemberSlot } from "./fonts.js";
import { DECLARATION, el, STANDALONE, val } from "./xml.js";

const MEMBER_ELEMENT: Record<MemberSlot, string> = { regular: "w:embedRegular", bold: "w:embedBold", italic: "w:embedItalic", boldItalic: "w:embedBoldItalic" };
const SLOT_ORDER: MemberSlot[] = ["regular", "bold", "italic", "boldItalic"];

const keys = new WeakMap<Uint8Array, string>();

/** A GUID derived from the font's bytes (SHA-256), computed once per face. */
export function fontKey(data: Uint8Array): string {
  let key = keys.get(data);
  if (!key) {
    const h = createHash("sha256").update(data).digest("hex").toUpperCase();
    key = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    keys.set(data, key);
  }
  return key;
}

/** Obfuscation (§17.8.1): the first 32 bytes XORed with the key's 16 bytes taken in reverse order. */
export function obfuscateFont(data: Uint8Array, guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, "");
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
  const out = new Uint8Array(data); // a copy (a Node Buffer's slice() would be a view)
  for (let i = 0; i < 32 && i < out.length; i++) out[i] ^= key[i % 16];
  return out;
}

const obfuscatedFonts = new WeakMap<Uint8Array, Uint8Array>();

/**
 * A face's obfuscated bytes, made once per face array (its key comes from its bytes): a warm
 * process hands the zip writer the same array for the same face, whose compressed bytes it keeps
 * by array (zip.ts), so a face is neither copied nor hashed again.
 */
function obfuscated(data: Uint8Array, key: string): Uint8Array {
  let out = obfuscatedFonts.get(data);
  if (!out) obfuscatedFonts.set(data, (out = obfuscateFont(data, key)));
  return out;
}

const NS = {
  "xmlns:r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "xmlns:w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
};

export class FontTable {
  /**
   * the faces, in the order of their parts: the Nth is word/fonts/font<N>.odttf, relationship
   * rId<N>; `whole`: the face unchanged (the same bytes in every document)
   */
  readonly files: { data: Uint8Array; fontKey: string; whole: boolean }[] = [];
  /** word/fontTable.xml */
  readonly part: string;
  /** word/_rels/fontTable.xml.rels */
  readonly relationships: string;

  constructor(entries: FontTableEntry[]) {
    const fonts = entries.map((f) => {
      const members = SLOT_ORDER.flatMap((slot) => f.members.filter((m) => m.slot === slot)).map((m) => {
        const key = fontKey(m.data);
        this.files.push({ data: m.data, fontKey: key, whole: !m.subsetted });
        return el(MEMBER_ELEMENT[m.slot], { "r:id": `rId${this.files.length}`, "w:fontKey": `{${key}}`, "w:subsetted": m.subsetted ? "1" : undefined });
      });
      // CT_Font: altName, panose1, charset, family, notTrueType, pitch, sig, embed* (§17.8.3.10)
      return el("w:font", { "w:name": f.name }, [
        f.panose && val("w:panose1", f.panose),
        val("w:charset", f.cjk ? "86" : "00"), // GB2312 for the Chinese faces, ANSI for the Latin ones
        val("w:family", f.cjk ? "auto" : "roman"),
        val("w:pitch", "variable"),
        f.sig && el("w:sig", { "w:usb0": f.sig.usb0, "w:usb1": f.sig.usb1, "w:usb2": f.sig.usb2, "w:usb3": f.sig.usb3, "w:csb0": f.sig.csb0, "w:csb1": f.sig.csb1 }),
        ...members,
      ]);
    });
    this.part = STANDALONE + el("w:fonts", NS, fonts);
    this.relationships = DECLARATION + el(
      "Relationships",
      { xmlns: "http://schemas.openxmlformats.org/package/2006/relationships" },
      this.files.map((_, i) => el("Relationship", { Id: `rId${i + 1}`, Type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font", Target: `fonts/font${i + 1}.odttf` })),
    );
  }

  /** The embedded faces as package parts (word/fonts/font<N>.odttf), obfuscated. */
  fontParts(): [string, Uint8Array][] {
    return this.files.map((f, i) => [`word/fonts/font${i + 1}.odttf`, obfuscated(f.data, f.fontKey)]);
  }
}
