/**
 * The package (ECMA-376 Part 2, Open Packaging Conventions): its parts by path, the relationships
 * between them, their content types, and the zip (zip.ts) that holds them: [Content_Types].xml
 * first as Word writes it, then the parts in the order writeDocx gives them.
 */
import { HEADER_FOOTER_KINDS } from "./page-parts.js";
import { IMAGE_REF, type Media, type PendingImage } from "./images.js";
import { DECLARATION, el, STANDALONE } from "./xml.js";
import { zipEntries } from "./zip.js";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A part's relationships (a .rels part, Part 2 §9.3): [id, type, target] each. */
export function relationshipsPart(rels: readonly [id: string, type: string, target: string][]): string {
  return DECLARATION + el("Relationships", { xmlns: RELATIONSHIPS_NS }, rels.map(([Id, Type, Target]) => el("Relationship", { Id, Type, Target })));
}

/** The package's own relationships: the main document and the three property parts. */
export const PACKAGE_RELATIONSHIPS = relationshipsPart([
  ["rId1", `${OFFICE_REL}/officeDocument`, "word/document.xml"],
  ["rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
  ["rId3", `${OFFICE_REL}/extended-properties`, "docProps/app.xml"],
  ["rId4", `${OFFICE_REL}/custom-properties`, "docProps/custom.xml"],
]);

/** The document's relationships: the parts word/document.xml refers to, by id (its w:sectPr names the headers' and footers'). */
export const DOCUMENT_RELATIONSHIPS: [string, string, string][] = [
  ["styles", "styles.xml"],
  ["numbering", "numbering.xml"],
  ["footnotes", "footnotes.xml"],
  ["endnotes", "endnotes.xml"],
  ["settings", "settings.xml"],
  ...HEADER_FOOTER_KINDS.map((_, i) => ["header", `header${i + 1}.xml`]),
  ...HEADER_FOOTER_KINDS.map((_, i) => ["footer", `footer${i + 1}.xml`]),
  ["theme", "theme/theme1.xml"],
  ["fontTable", "fontTable.xml"],
].map(([type, target], i) => [`rId${i + 1}`, `${OFFICE_REL}/${type}`, target]);

/** The relationship id of a document relationship's target. */
export const documentRelationshipId = (target: string): string => DOCUMENT_RELATIONSHIPS.find((r) => r[2] === target)![0];

const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
/** docProps/app.xml and docProps/custom.xml: present, as Word expects them, and empty. */
export const APP_PROPERTIES = STANDALONE + el("Properties", { xmlns: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "xmlns:vt": VT });
export const CUSTOM_PROPERTIES = STANDALONE + el("Properties", { xmlns: "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", "xmlns:vt": VT });

const WORDML = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/** [Content_Types].xml (Part 2 §10.1.2): by extension, and each XML part's own type. */
export const CONTENT_TYPES =
  DECLARATION +
  el("Types", { xmlns: "http://schemas.openxmlformats.org/package/2006/content-types" }, [
    ...[
      ["image/png", "png"],
      ["image/jpeg", "jpeg"],
      ["image/jpeg", "jpg"],
      ["image/bmp", "bmp"],
      ["image/gif", "gif"],
      ["image/svg+xml", "svg"],
      ["application/vnd.openxmlformats-package.relationships+xml", "rels"],
      ["application/xml", "xml"],
      ["application/vnd.openxmlformats-officedocument.obfuscatedFont", "odttf"],
    ].map(([ContentType, Extension]) => el("Default", { ContentType, Extension })),
    ...[
      [`${WORDML}.document.main+xml`, "/word/document.xml"],
      [`${WORDML}.styles+xml`, "/word/styles.xml"],
      ["application/vnd.openxmlformats-package.core-properties+xml", "/docProps/core.xml"],
      ["application/vnd.openxmlformats-officedocument.custom-properties+xml", "/docProps/custom.xml"],
      ["application/vnd.openxmlformats-officedocument.extended-properties+xml", "/docProps/app.xml"],
      [`${WORDML}.numbering+xml`, "/word/numbering.xml"],
      [`${WORDML}.footnotes+xml`, "/word/footnotes.xml"],
      [`${WORDML}.endnotes+xml`, "/word/endnotes.xml"],
      [`${WORDML}.settings+xml`, "/word/settings.xml"],
      [`${WORDML}.fontTable+xml`, "/word/fontTable.xml"],
      ["application/vnd.openxmlformats-officedocument.theme+xml", "/word/theme/theme1.xml"],
      ...HEADER_FOOTER_KINDS.map((_, i) => [`${WORDML}.header+xml`, `/word/header${i + 1}.xml`]),
      ...HEADER_FOOTER_KINDS.map((_, i) => [`${WORDML}.footer+xml`, `/word/footer${i + 1}.xml`]),
    ].map(([ContentType, PartName]) => el("Override", { ContentType, PartName })),
  ]);

/**
 * A part's images: each image mark (images.ts IMAGE_REF) in `xml` becomes its relationship id,
 * the images go into the package's media in the order they appear, and the part's relationships
 * list them (rId0, rId1, ... in the media's order).
 */
export function withImages(xml: string, images: readonly PendingImage[], media: Media): { xml: string; relationships: string } {
  const data = new Map(images.map((i) => [i.key, i.data]));
  const used = new Set<string>();
  for (const m of xml.matchAll(IMAGE_REF)) {
    media.add(m[1], data.get(m[1])!);
    used.add(m[1]);
  }
  const keys = media.inOrder(used);
  const ids = new Map(keys.map((k, i) => [k, String(i)]));
  return {
    xml: used.size ? xml.replace(IMAGE_REF, (_, key: string) => ids.get(key)!) : xml,
    relationships: relationshipsPart(keys.map((k, i) => [`rId${i}`, `${OFFICE_REL}/image`, `media/${media.fileName(k)}`])),
  };
}

const CONTENT_TYPES_PATH = "[Content_Types].xml";
const encoder = new TextEncoder();

/**
 * The parts as a zip, dated `date`, [Content_Types].xml first. `unchanging`: parts that are the
 * same in every document (whole embedded faces), whose compressed bytes may be kept on disk.
 */
export function zipPackage(parts: Map<string, string | Uint8Array>, date: Date, unchanging: ReadonlySet<string> = new Set()): Uint8Array {
  const names = [CONTENT_TYPES_PATH, ...[...parts.keys()].filter((n) => n !== CONTENT_TYPES_PATH)];
  return zipEntries(
    names.map((name) => {
      const data = parts.get(name)!;
      return { name, data: typeof data === "string" ? encoder.encode(data) : data, unchanging: unchanging.has(name) };
    }),
    date,
  );
}

/** The package parts of a font table's faces that go in whole (word/fonts/font<N>.odttf). */
export function wholeFontParts(files: readonly { whole: boolean }[]): Set<string> {
  return new Set(files.flatMap((f, i) => (f.whole ? [`word/fonts/font${i + 1}.odttf`] : [])));
}
