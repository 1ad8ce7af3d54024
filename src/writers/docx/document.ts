/**
 * word/document.xml, the main story (ECMA-376 Part 1 §17.2): the body's paragraphs and tables,
 * then the section's properties (w:sectPr, the last child of w:body), which name the headers and
 * footers by their relationship ids.
 */
import { ROOTS } from "./namespaces.js";
import { documentRelationshipId } from "./package.js";
import { HEADER_FOOTER_KINDS, sectionXml, type HeaderFooterKind, type SectionOptions } from "./page-parts.js";
import { STANDALONE } from "./xml.js";

const idsOf = (part: "header" | "footer") => Object.fromEntries(HEADER_FOOTER_KINDS.map((k, i) => [k, documentRelationshipId(`${part}${i + 1}.xml`)])) as Record<HeaderFooterKind, string>;

export function documentPart(body: string, section: SectionOptions): string {
  return `${STANDALONE}${ROOTS.document}<w:body>${body}${sectionXml(section, { headers: idsOf("header"), footers: idsOf("footer") })}</w:body></w:document>`;
}
